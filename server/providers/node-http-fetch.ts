/**
 * The provider clients' HTTP transport: the small part of `fetch` they use (method, headers,
 * a string body, an AbortSignal; status, headers, text), over node:http(s) with keep-alive
 * agents. Node's global fetch (undici) costs about four times the CPU per call
 * (`npm run bench:import` makes ~160 calls a second on a 2-core machine, where that CPU holds
 * the vendor slots back). Errors keep their Node `code` (ECONNREFUSED, ECONNRESET, …), so the
 * clients classify them exactly as before; an abort rejects with the signal's reason.
 */
import http from "node:http";
import https from "node:https";

export interface FetchLikeInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface FetchLikeResponse {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** What the clients call; the global `fetch` fits it too (tests inject fakes). */
export type FetchLike = (url: string, init: FetchLikeInit) => Promise<FetchLikeResponse>;

// Idle sockets are closed before a Node server's default 5 s keep-alive timeout would close them
// under us (a request written to a socket the server is closing fails as ECONNRESET: ambiguous).
const agentOptions = { keepAlive: true, maxSockets: 64, maxFreeSockets: 16, timeout: 4_000 };
const httpAgent = new http.Agent(agentOptions);
const httpsAgent = new https.Agent(agentOptions);

export const nodeHttpFetch: FetchLike = (url, init) =>
  new Promise<FetchLikeResponse>((resolve, reject) => {
    const { signal } = init;
    if (signal?.aborted) return reject(signal.reason);
    const target = new URL(url);
    const secure = target.protocol === "https:";
    const headers: Record<string, string | number> = { ...init.headers };
    if (init.body !== undefined) headers["Content-Length"] = Buffer.byteLength(init.body);
    const req = (secure ? https : http).request(target, {
      method: init.method,
      headers,
      agent: secure ? httpsAgent : httpAgent,
    });
    let settle: ((error: unknown) => void) | undefined = reject;
    const onAbort = () => req.destroy(signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
    signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => signal?.removeEventListener("abort", onAbort);
    req.on("error", (error) => {
      done();
      settle?.(error);
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      const body = new Promise<string>((resolveBody, rejectBody) => {
        settle = rejectBody;
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          done();
          resolveBody(Buffer.concat(chunks).toString("utf8"));
        });
        res.on("error", (error) => {
          done();
          rejectBody(error);
        });
        res.on("aborted", () => {
          done();
          rejectBody(Object.assign(new Error("response aborted"), { code: "ECONNRESET" }));
        });
      });
      // A body that fails before anyone reads it must not be an unhandled rejection.
      body.catch(() => undefined);
      const status = res.statusCode ?? 0;
      resolve({
        status,
        ok: status >= 200 && status < 300,
        headers: {
          get(name) {
            const value = res.headers[name.toLowerCase()];
            return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
          },
        },
        text: () => body,
      });
    });
    req.end(init.body);
  });
