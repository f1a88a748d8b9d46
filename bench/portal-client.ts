/** What benches need to drive a running portal over HTTP: tRPC calls as the browser makes them, the e-mailed link. */
import { randomBytes } from "node:crypto";
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
    for (const file of files.filter((name) => name.endsWith(".json"))) {
      const mail = JSON.parse(readFileSync(path.join(mailDir, file), "utf8")) as { to: string[]; text: string };
      const token = mail.to.includes(address) ? /\/verify-email\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1] : undefined;
      if (token) return token;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no verification e-mail to ${address}`);
}

export interface Tenants {
  /** Onboarding finished, 30 operators. */
  done: string;
  /** E-mail confirmed, chat account created, at the departments step. */
  midway: string;
}

async function signUp(origin: string, mailDir: string, label: string): Promise<string> {
  const email = `ref.${label}.${randomBytes(4).toString("hex")}@example.com`;
  const res = await trpc(origin, null, "mutation", "auth.signUp", {
    name: "Ana Souza",
    email,
    password: "uma frase secreta bem longa",
    companyName: `Padaria ${label}`,
  });
  const cookie = cookieHeader(res.setCookie);
  await trpc(origin, cookie, "mutation", "verification.confirm", { token: await verificationTokenFor(mailDir, email) });
  await trpc(origin, cookie, "mutation", "onboarding.createAccount", {
    companyName: `Padaria ${label}`,
    sessionName: label,
  });
  return cookie;
}

/** Two organizations: one at the departments step, one with onboarding finished and 30 operators. */
export async function setUpTenants(origin: string, dir: string): Promise<Tenants> {
  const mailDir = path.join(dir, "e2e-artifacts/mail");
  const midway = await signUp(origin, mailDir, "midway");
  const done = await signUp(origin, mailDir, "done");
  const depts = (await trpc(origin, done, "mutation", "departments.refresh")).data as { items: Array<{ id: string }> };
  const departmentIds = [depts.items[0]!.id];
  await trpc(origin, done, "mutation", "operators.create", {
    name: "Ana Souza",
    departmentIds,
    isAdmin: true,
    linkToMe: true,
  });
  for (let i = 1; i < 30; i++) {
    await trpc(origin, done, "mutation", "operators.create", {
      name: `Operador ${String(i).padStart(2, "0")}`,
      departmentIds,
      isAdmin: false,
    });
  }
  await trpc(origin, done, "mutation", "onboarding.completeStep", { step: "departments" });
  await trpc(origin, done, "mutation", "onboarding.completeStep", { step: "operators" });
  await trpc(origin, done, "mutation", "plan.continueTrial");
  await trpc(origin, done, "mutation", "onboarding.completeStep", { step: "whatsapp", skipped: true });
  const summary = (await trpc(origin, done, "query", "dashboard.summary")).data as { onboardingCompleted: boolean };
  if (!summary.onboardingCompleted) throw new Error("the test organization did not finish onboarding");
  return { done, midway };
}
