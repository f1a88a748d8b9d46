/**
 * instrumentation.ts's Node.js half (see there for why the database opens after the first
 * response). Its own module, imported only when NEXT_RUNTIME is nodejs, so Next's Edge build of
 * instrumentation.ts never sees process.exit (a development warning on every compile otherwise).
 */
export async function registerNode(): Promise<void> {
  const { assertProductionConfig } = await import("./server/config/secrets");
  assertProductionConfig();
  let opening: Promise<void> | undefined;
  let stopping = false;
  let workers: Promise<{ stopBackgroundWork(): Promise<void> }> | undefined;
  // The database module (drizzle, the schema, the logger) loads here too, not before Next listens.
  const open = () => {
    opening ??= import("./server/db/client")
      .then(({ getDb }) => getDb())
      .then(
        async () => {
          if (stopping) return;
          const background = import("./server/background");
          workers = background;
          (await background).startBackgroundWork();
        },
        (error: unknown) => {
          console.error("The database could not be opened:", error);
          process.exit(1);
        },
      );
  };
  globalThis.__portalOpenDatabase = open;
  globalThis.__portalStopBackgroundWork = async () => {
    stopping = true;
    await (await workers)?.stopBackgroundWork();
  };
  setTimeout(open, 2_000).unref();
}
