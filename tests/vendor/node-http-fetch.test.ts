/** The clients' node:http transport: keep-alive reuse, long calls, aborts and refused connections. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCode } from "@/server/providers/http";
import { nodeHttpFetch } from "@/server/providers/node-http-fetch";

describe("nodeHttpFetch", () => {
  let server: http.Server;
  let origin: string;
  let connections = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c));
      req.on("end", () => {
        const wait = Number(new URL(req.url!, "http://x").searchParams.get("wait") ?? 0);
        setTimeout(() => {
          res.writeHead(req.url!.startsWith("/missing") ? 404 : 200, {
            "content-type": "application/json",
            "retry-after": "7",
          });
          res.end(JSON.stringify({ method: req.method, body, auth: req.headers.authorization }));
        }, wait);
      });
    });
    server.on("connection", () => connections++);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const post = (path: string, signal?: AbortSignal) =>
    nodeHttpFetch(`${origin}${path}`, {
      method: "POST",
      headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
      body: '{"nome":"João"}',
      signal,
    });

  it("sends method, headers and a UTF-8 body, and reads status, headers and text", async () => {
    const res = await post("/missing");
    expect(res.status).toBe(404);
    expect(res.ok).toBe(false);
    expect(res.headers.get("Retry-After")).toBe("7");
    expect(res.headers.get("x-absent")).toBeNull();
    expect(JSON.parse(await res.text())).toEqual({ method: "POST", body: '{"nome":"João"}', auth: "Bearer t" });
  });

  it("reuses connections (keep-alive)", async () => {
    const before = connections;
    for (let i = 0; i < 5; i++) expect((await post("/ok")).ok).toBe(true);
    expect(connections - before).toBeLessThanOrEqual(1);
  });

  it("a call longer than the idle-socket timeout (4 s) still completes", async () => {
    const res = await post("/slow?wait=4500", AbortSignal.timeout(10_000));
    expect(res.status).toBe(200);
  }, 15_000);

  it("an abort while waiting rejects with the signal's reason", async () => {
    const signal = AbortSignal.timeout(100);
    const error = await post("/slow?wait=1000", signal).catch((e: unknown) => e);
    expect(signal.aborted).toBe(true);
    expect((error as Error).name).toBe("TimeoutError");
  });

  it("a refused connection keeps its Node code (the clients call it 'not sent')", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const error = await nodeHttpFetch(`http://127.0.0.1:${port}/x`, { method: "GET", headers: {} }).catch(
      (e: unknown) => e,
    );
    expect(errorCode(error)).toBe("ECONNREFUSED");
  });
});
