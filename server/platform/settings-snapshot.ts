/**
 * A copy of the saved platform settings beside the embedded database
 * (DATA_DIR/platform-settings.json), so the first page after a start is served before PGlite opens.
 *
 * Every page reads the settings (brand colour, product name, logo), and opening PGlite keeps the
 * main thread busy for about half a second; instrumentation.ts opens it right after the first
 * response. The database stays the source of truth: this copy is read only until the process has
 * opened it, and rewritten whenever what the database holds differs from it. Both live in the same
 * DATA_DIR, which one process owns (PGlite allows no other), so they are backed up and restored
 * together. With DATABASE_URL there is no copy: several processes may share that database, and a
 * pool opens at once.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { logger } from "@/server/log";
import { processWide } from "@/server/process/process-wide";
import type { DbConfig } from "@/server/db/client";
import { checkLogo } from "@/lib/branding/logo";
import type { StoredLogo, StoredPlatformSettings } from "./settings";

export const SNAPSHOT_FILE = "platform-settings.json";

const ZSnapshot = z.object({
  productName: z.string().nullable(),
  primaryColor: z.string().nullable(),
  supportEmail: z.string().nullable(),
  pricePerSeatCents: z.number().int().nullable(),
  updatedAt: z.iso.datetime().nullable(),
  logo: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), base64: z.string() }).nullable(),
});

function toText(settings: StoredPlatformSettings): string {
  const snapshot: z.input<typeof ZSnapshot> = {
    productName: settings.productName,
    primaryColor: settings.primaryColor,
    supportEmail: settings.supportEmail,
    pricePerSeatCents: settings.pricePerSeatCents,
    updatedAt: settings.updatedAt?.toISOString() ?? null,
    logo: settings.logo && {
      sha256: settings.logo.sha256,
      base64: Buffer.from(settings.logo.bytes).toString("base64"),
    },
  };
  return JSON.stringify(snapshot);
}

function fromText(text: string): StoredPlatformSettings | null {
  let parsed;
  try {
    parsed = ZSnapshot.safeParse(JSON.parse(text));
  } catch {
    return null;
  }
  if (!parsed.success) return null;
  const { logo, updatedAt, ...rest } = parsed.data;
  let storedLogo: StoredLogo | null = null;
  if (logo) {
    // The same check a saved logo passed (its type, and an SVG's safety), never the file's word for it.
    const bytes = new Uint8Array(Buffer.from(logo.base64, "base64"));
    const check = checkLogo(bytes);
    if (!check.ok) return null;
    storedLogo = { bytes, type: check.type, sha256: logo.sha256 };
  }
  return { ...rest, updatedAt: updatedAt ? new Date(updatedAt) : null, logo: storedLogo };
}

export interface SettingsSnapshot {
  /** The copy on disk, or null (none yet, unreadable or malformed: the database is read instead). */
  read(): StoredPlatformSettings | null;
  /** Rewrites the copy when `settings` (just read from the database) differ from it. */
  keep(settings: StoredPlatformSettings): void;
}

/** The snapshot of a data folder (DATA_DIR; the embedded database lives in its `pglite` folder). */
export function settingsSnapshot(dataFolder: string): SettingsSnapshot {
  const file = path.join(dataFolder, SNAPSHOT_FILE);
  let onDisk: { text: string; settings: StoredPlatformSettings | null } | undefined;
  const load = () => {
    if (!onDisk) {
      let text = "";
      try {
        text = readFileSync(file, "utf8");
      } catch {
        // No copy yet: the first start, or a folder from before there was one.
      }
      onDisk = { text, settings: text ? fromText(text) : null };
    }
    return onDisk;
  };
  let writing: Promise<void> = Promise.resolve();
  let lastKept: StoredPlatformSettings | undefined;
  return {
    read: () => load().settings,
    keep(settings) {
      // Pages call this on every render with the same cached object until a save replaces it.
      if (settings === lastKept) return;
      lastKept = settings;
      const text = toText(settings);
      const current = load();
      if (current.text === text) return;
      onDisk = { text, settings };
      // Written aside, then renamed: a start never reads half a file. A failure costs only the
      // next start its head start (the pages then wait for the database, as without a copy).
      const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
      writing = writing
        .then(() => writeFile(temporary, text, { mode: 0o600 }))
        .then(() => rename(temporary, file))
        .catch((error: unknown) => logger.warn({ err: error, file }, "platform settings copy not written"));
    },
  };
}

/**
 * One per data folder for the whole process (processWide): Next bundles this module once per
 * entry (the layouts, the logo route), and each copy would otherwise keep its own idea of what is
 * on disk and write the same file after every save.
 */
const snapshots = processWide("__portalSettingsSnapshots", () => new Map<string, SettingsSnapshot>());

/** The snapshot this process keeps, or null when its database is not the embedded one. */
export function snapshotFor(config: DbConfig): SettingsSnapshot | null {
  if (config.kind !== "pglite" || !config.dataDir) return null;
  const folder = path.dirname(config.dataDir);
  return snapshots.get(folder) ?? snapshots.set(folder, settingsSnapshot(folder)).get(folder)!;
}
