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
// Production: Next would run instrumentation.ts's register() (the configuration check, and the
// database's opening scheduled) on the first request. Start it first, let Next load and
// prepare meanwhile, and listen only once both are done. Next keeps one registration
// per process (the same module this calls), so register() still runs once. Development
// compiles instrumentation.ts on demand: left to Next.
const registered = dev ? undefined : registerInstrumentation();
// Awaited below; this only keeps a failure from counting as unhandled before then.
registered?.catch(() => undefined);
const { default: next } = await import("next");

const app = next({ dev, hostname: hostname ?? "localhost", port });
await Promise.all([app.prepare(), registered]);
const handle = app.getRequestHandler();

async function registerInstrumentation() {
  const { createRequire } = await import("node:module");
  const require = createRequire(import.meta.url);
  // The environment files, as Next loads them, before register() reads DATABASE_URL and the secrets.
  require("@next/env").loadEnvConfig(process.cwd(), false);
  // What Next's server requires first (AsyncLocalStorage and the other globals its code expects).
  require("next/dist/server/node-environment");
  const {
    ensureInstrumentationRegistered,
  } = require("next/dist/server/lib/router-utils/instrumentation-globals.external.js");
  await ensureInstrumentationRegistered(process.cwd(), ".next");
}

// The database opens once the first response is out (instrumentation.ts says why).
let firstResponse = true;
const server = createServer((req, res) => {
  stampClientPeer(req);
  if (firstResponse) {
    firstResponse = false;
    res.once("close", () => setImmediate(() => globalThis.__portalOpenDatabase?.()));
  }
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
    // The background workers stop first (their runs in flight end), then the embedded database
    // closes cleanly (server/db/client.ts keeps it on globalThis), so the next start opens it
    // without recovery; whatever hangs, the process ends within 3 s.
    const closeDb = Promise.resolve(globalThis.__portalStopBackgroundWork?.())
      .catch(() => undefined)
      .then(() => globalThis.__portalDb)
      .then((db) => db?.close());
    setTimeout(() => process.exit(0), 3_000).unref();
    void Promise.allSettled([app.close(), closeDb]).finally(() => process.exit(0));
  });
}
