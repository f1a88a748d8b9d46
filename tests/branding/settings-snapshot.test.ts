/**
 * The copy of the platform settings kept beside the embedded database (server/platform/
 * settings-snapshot.ts): a start's first page reads it instead of waiting for PGlite to open, and
 * once the database is open, the database wins and the copy follows it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/server/db/client";
import { SNAPSHOT_FILE, settingsSnapshot, snapshotFor } from "@/server/platform/settings-snapshot";
import type { StoredPlatformSettings } from "@/server/platform/settings";
import { createStaff, saveProductName } from "../console/helpers";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const saved: StoredPlatformSettings = {
  productName: "Loja da Esquina",
  primaryColor: "#0f766e",
  supportEmail: "ajuda@esquina.com.br",
  pricePerSeatCents: 4990,
  logo: { bytes: PNG, type: "image/png", sha256: "a".repeat(64) },
  updatedAt: new Date("2026-12-01T12:00:00.000Z"),
};

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "portal-snapshot-"));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const file = () => path.join(folder, SNAPSHOT_FILE);

describe("the settings copy on disk", () => {
  it("reads back exactly what was kept: text, colour, price, date and the logo's bytes", async () => {
    expect(settingsSnapshot(folder).read()).toBeNull();
    settingsSnapshot(folder).keep(saved);
    await vi.waitFor(() => expect(existsSync(file())).toBe(true));
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(settingsSnapshot(folder).read()).toEqual(saved);
  });

  it("is rewritten only when the settings differ from it", async () => {
    const snapshot = settingsSnapshot(folder);
    snapshot.keep(saved);
    await vi.waitFor(() => expect(existsSync(file())).toBe(true));
    rmSync(file());
    snapshot.keep({ ...saved });
    await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(file())).toBe(false);
    snapshot.keep({ ...saved, productName: "Loja Nova" });
    await vi.waitFor(() => expect(existsSync(file())).toBe(true));
    expect(settingsSnapshot(folder).read()?.productName).toBe("Loja Nova");
  });

  it("a malformed copy, or a logo that would not pass the console's check, is not used", () => {
    writeFileSync(file(), "{ not json");
    expect(settingsSnapshot(folder).read()).toBeNull();
    writeFileSync(file(), JSON.stringify({ productName: 1 }));
    expect(settingsSnapshot(folder).read()).toBeNull();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString(
      "base64",
    );
    writeFileSync(file(), JSON.stringify({ ...saved, updatedAt: null, logo: { sha256: "b".repeat(64), base64: svg } }));
    expect(settingsSnapshot(folder).read()).toBeNull();
  });

  it("exists only for the embedded database", () => {
    expect(snapshotFor({ kind: "postgres", url: "postgres://127.0.0.1/x" })).toBeNull();
    expect(snapshotFor({ kind: "pglite" })).toBeNull();
    expect(snapshotFor({ kind: "pglite", dataDir: path.join(folder, "pglite") })).not.toBeNull();
  });
});

describe("the pages' settings before and after the embedded database opens", () => {
  const globalForDb = globalThis as unknown as { __portalDb?: Promise<DbHandle>; __portalDbOpen?: boolean };

  afterEach(async () => {
    const open = globalForDb.__portalDb;
    globalForDb.__portalDb = undefined;
    globalForDb.__portalDbOpen = undefined;
    await (await open)?.close();
    vi.unstubAllEnvs();
  });

  it("the first read uses the copy without opening the database; once open, the database wins and the copy follows", async () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("DATA_DIR", folder);
    settingsSnapshot(folder).keep(saved);
    await vi.waitFor(() => expect(existsSync(file())).toBe(true));
    vi.resetModules();
    const { getPlatformSettings } = await import("@/server/platform/settings");

    const early = await getPlatformSettings();
    expect(early.productName).toBe("Loja da Esquina");
    expect(early.primaryColor).toBe("#0f766e");
    expect(early.logo?.type).toBe("image/png");
    expect(globalForDb.__portalDb).toBeUndefined();

    // The database opens (instrumentation.ts, after the first response) and holds something else.
    const { getDb } = await import("@/server/db/client");
    const { db } = await getDb();
    const { savePlatformSettings } = await import("@/server/platform/settings");
    await saveProductName(savePlatformSettings, db, await createStaff(db), "Marca do Banco");

    const after = await getPlatformSettings();
    expect(after.productName).toBe("Marca do Banco");
    expect(after.primaryColor).toBeNull();
    await vi.waitFor(() => expect(JSON.parse(readFileSync(file(), "utf8")).productName).toBe("Marca do Banco"));
  });

  it("with no copy yet, the first read opens the database and leaves a copy for the next start", async () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("DATA_DIR", folder);
    vi.resetModules();
    const { getPlatformSettings } = await import("@/server/platform/settings");
    expect((await getPlatformSettings()).productName).toBeNull();
    expect(globalForDb.__portalDbOpen).toBe(true);
    await vi.waitFor(() => expect(existsSync(file())).toBe(true));
    expect(settingsSnapshot(folder).read()).toMatchObject({ productName: null, logo: null });
  });
});
