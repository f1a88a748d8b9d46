/**
 * node:http plumbing shared by the emulators (PlugChat, CDP): JSON replies, bounded body
 * reading, loopback and content-type checks, and server start/stop with socket tracking.
 */
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** One emulated HTTP answer. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Largest request body accepted. */
export const MAX_BODY_BYTES = 1_000_000;

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8" };

export function send(res: ServerResponse, reply: Reply, extra?: Record<string, string>): void {
  const body = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...JSON_HEADERS,
    "Content-Length": Buffer.byteLength(body),
    ...reply.headers,
    ...extra,
  });
  res.end(body);
}

/** Writes a raw (possibly broken) JSON text with status 200. */
export function sendRaw(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...JSON_HEADERS, "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

/** The whole body, or `null` when it exceeds `MAX_BODY_BYTES`. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on("end", () =>
      resolve(size > limit ? null : chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)),
    );
    req.on("error", reject);
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function isLoopback(address: string | undefined): boolean {
  return (
    address !== undefined && (address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127."))
  );
}

export function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/json\b/i.test(contentType.trim());
}

/** Splits `req.url` into pathname and query string. */
export function splitUrl(url: string | undefined): { pathname: string; query: URLSearchParams } {
  const u = url ?? "/";
  const q = u.indexOf("?");
  return { pathname: q < 0 ? u : u.slice(0, q), query: new URLSearchParams(q < 0 ? "" : u.slice(q + 1)) };
}

export interface ListeningServer {
  origin: string;
  port: number;
  /** Destroys open sockets (hanging requests included) and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts a node:http server on `host:port` (loopback by default). A handler's rejection
 * becomes a 500 `internalError(message)` reply, or a destroyed socket once headers went out.
 */
export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  options: { port?: number; host?: string; internalError: (message: string) => Reply },
): Promise<ListeningServer> {
  const openSockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, options.internalError(error instanceof Error ? error.message : "internal error"));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 10_000;
  server.on("connection", (socket) => {
    openSockets.add(socket);
    socket.on("close", () => openSockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    origin: `http://${host}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of openSockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
