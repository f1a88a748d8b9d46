/** What benches need to drive a running portal over HTTP: tRPC calls as the browser makes them, the e-mailed link. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface TrpcResult {
  status: number;
  data: unknown;
  setCookie: string[];
}

/** One tRPC call (superjson envelope, no batching); throws on a non-2xx answer. */
export async function trpc(
  origin: string,
  cookie: string | null,
  type: "query" | "mutation",
  procedure: string,
  input?: unknown,
): Promise<TrpcResult> {
  const headers: Record<string, string> = { origin };
  if (cookie) headers.cookie = cookie;
  const res =
    type === "query"
      ? await fetch(
          `${origin}/api/trpc/${procedure}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`,
          { headers },
        )
      : await fetch(`${origin}/api/trpc/${procedure}`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({ json: input ?? null }),
        });
  const body = (await res.json()) as { result?: { data: { json: unknown } }; error?: unknown };
  if (!res.ok) throw Object.assign(new Error(`${procedure} → ${res.status}`), { status: res.status, body });
  return { status: res.status, data: body.result?.data.json, setCookie: res.headers.getSetCookie() };
}

/** `name=value; …` from Set-Cookie headers. */
export const cookieHeader = (setCookie: string[]) => setCookie.map((c) => c.split(";")[0]).join("; ");

/** The verification token e-mailed to `address` (scripts/e2e-server.ts's mail sink writes each message to `mailDir`). */
export async function verificationTokenFor(mailDir: string, address: string): Promise<string> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    let files: string[] = [];
    try {
      files = readdirSync(mailDir);
    } catch {
      /* the sink has not written anything yet */
    }
    for (const file of files) {
      const mail = JSON.parse(readFileSync(path.join(mailDir, file), "utf8")) as { to: string[]; text: string };
      const token = mail.to.includes(address) ? /\/verify-email\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1] : undefined;
      if (token) return token;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no verification e-mail to ${address}`);
}
