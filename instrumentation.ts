/**
 * Runs once when the server starts: refuse to start in production with missing secrets,
 * then open (and migrate) the database so the first request doesn't pay for it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertProductionConfig } = await import("./server/config/secrets");
  assertProductionConfig();
  const { getDb } = await import("./server/db/client");
  await getDb();
  const { startBackgroundWork } = await import("./server/background");
  startBackgroundWork();
}
