/**
 * Emulator state persistence shared by the emulators: loaded once from a JSON file, written
 * debounced and atomically (temp file + rename), never synchronously per request; a
 * synchronous flush on shutdown.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** Parsed JSON of `file`, or `undefined` when it is missing or unreadable. */
export function readJsonFile(file: string | undefined): unknown {
  if (!file) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** Debounced atomic writer of a state file; without a file every call is a no-op. */
export function createPersister<T>(
  file: string | undefined,
  get: () => T,
  options: { label: string; debounceMs?: number },
) {
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  const debounceMs = options.debounceMs ?? 1_000;

  async function write(): Promise<void> {
    if (!file) return;
    const tmp = `${file}.${process.pid}.tmp`;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(tmp, JSON.stringify(get()));
    await rename(tmp, file);
  }

  return {
    schedule(): void {
      if (!file || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        writing = writing
          .then(write)
          .catch((error: unknown) => console.error(`${options.label}: state write failed`, error));
      }, debounceMs);
      timer.unref();
    },
    /** Writes now, synchronously (shutdown). */
    flushSync(): void {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (!file) return;
      mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(get()));
      renameSync(tmp, file);
    },
  };
}
