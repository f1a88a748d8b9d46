/**
 * Runs once when the server starts: refuse to start in production with missing secrets, then
 * have the database opened (and migrated when behind) WITHOUT holding Next back. Next serves
 * nothing until register() returns, and the embedded database's start keeps the main thread
 * busy for about a second (PGlite unpacks and boots Postgres in WASM). So it opens right after
 * the first response (scripts/serve.mjs calls `__portalOpenDatabase`), or 2 s after start,
 * whichever comes first; a request that needs it earlier opens it at once (server/db/client.ts
 * keeps one promise), which is no later than if the server had waited for it before listening.
 * Every page reads the platform settings (the brand); until the embedded database is open they
 * come from the copy kept beside it (server/platform/settings-snapshot.ts), so an anonymous first
 * page still does not wait for it (only a start on a folder without that copy does).
 * The background workers start once it is open; a database that cannot be opened ends the process.
 */
declare global {
  var __portalOpenDatabase: (() => void) | undefined;
  /** Shutdown (scripts/serve.mjs): no worker starts any more; resolves once the running ones have stopped. */
  var __portalStopBackgroundWork: (() => Promise<void>) | undefined;
}

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await (await import("./instrumentation-node")).registerNode();
}
