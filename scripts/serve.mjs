/**
 * The portal's HTTP server: `npm start` (production build) and `npm run dev` (`--dev`).
 * It is Next's own request handler (the one `next start` uses) behind a plain Node server
 * that first appends each connection's peer address to X-Forwarded-For (./client-peer.mjs),
 * because `next start` keeps a client-written X-Forwarded-For as it is and then the address
 * every rate limit counts would be the client's choice.
 *
 *   node scripts/serve.mjs [--dev] [-p PORT] [-H HOST]
 *
 * PORT also comes from $PORT (default 3000); without -H it listens on every interface,
 * like `next start`.
 */
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { stampClientPeer } from "./client-peer.mjs";

const { values } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
  },
});
const dev = values.dev ?? false;
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;

// As the `next` command does, before Next is loaded.
process.env.NODE_ENV ||= dev ? "development" : "production";
const { default: next } = await import("next");

const app = next({ dev, hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  stampClientPeer(req);
  void handle(req, res);
});
// Development: Next attaches its hot-reload WebSocket to this server on the first request.

server.listen(port, hostname, () => {
  console.log(`▲ Portal ${dev ? "(development)" : "(production)"} on http://${hostname ?? "localhost"}:${port}`);
});

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
