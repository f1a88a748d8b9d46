/**
 * Opening a database whose schema is current skips drizzle's migrator: one query compares
 * drizzle's last __drizzle_migrations row with the newest committed migration (created_at
 * and hash). Anything else — no table, an older database, a changed or newer migration —
 * runs the migrator as before.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestMigration, MIGRATIONS_FOLDER, openDb, schemaIsCurrent, type Db } from "@/server/db/client";
import { users } from "@/server/db/schema";
import { createTestDb, testDbKinds, type TestDbKind } from "../helpers/db";

function rawQuery(db: Db) {
  return async (text: string) => {
    // node-postgres and PGlite both answer with { rows }.
    const result = (await db.execute(sql.raw(text))) as unknown as { rows: Array<Record<string, unknown>> };
    return { rows: result.rows };
  };
}

describe("latestMigration", () => {
  it("names the journal's last entry and the sha256 of its SQL, as drizzle stores them", () => {
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
      entries: Array<{ when: number }>;
    };
    const latest = latestMigration();
    expect(latest?.createdAt).toBe(journal.entries.at(-1)!.when);
    expect(latest?.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe.each(testDbKinds())("schemaIsCurrent (%s)", (kind: TestDbKind) => {
  let handle: Awaited<ReturnType<typeof createTestDb>>;
  let folder: string;

  beforeAll(async () => {
    handle = await createTestDb(kind);
    folder = mkdtempSync(path.join(tmpdir(), "portal-migrations-"));
  });
  afterAll(async () => {
    await handle?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("is true right after migrating, false when the folder holds a newer or a changed migration", async () => {
    const query = rawQuery(handle.db);
    expect(await schemaIsCurrent(query)).toBe(true);

    const newer = path.join(folder, "newer");
    cpSync(MIGRATIONS_FOLDER, newer, { recursive: true });
    const journalFile = path.join(newer, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalFile, "utf8")) as {
      entries: Array<{ idx: number; version: string; when: number; tag: string; breakpoints: boolean }>;
    };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: "9999_next" });
    writeFileSync(journalFile, JSON.stringify(journal));
    writeFileSync(path.join(newer, "9999_next.sql"), "select 1;");
    expect(await schemaIsCurrent(query, newer)).toBe(false);

    const changed = path.join(folder, "changed");
    cpSync(MIGRATIONS_FOLDER, changed, { recursive: true });
    const lastFile = path.join(changed, `${last.tag}.sql`);
    writeFileSync(lastFile, `${readFileSync(lastFile, "utf8")}\n-- edited`);
    expect(await schemaIsCurrent(query, changed)).toBe(false);
  });

  it("is false on a database drizzle never migrated (no table), without failing", async () => {
    const fresh = await openDb({ kind: "pglite" });
    try {
      await fresh.db.execute(sql.raw("drop schema drizzle cascade"));
      expect(await schemaIsCurrent(rawQuery(fresh.db))).toBe(false);
    } finally {
      await fresh.close();
    }
  });

  it("reopening a current database skips the migrator and works", async () => {
    const reopened =
      kind === "postgres"
        ? await openDb({ kind: "postgres", url: handle.url!, poolSize: 2 })
        : await (async () => {
            const dataDir = path.join(folder, "pglite");
            const first = await openDb({ kind: "pglite", dataDir });
            await first.close();
            return openDb({ kind: "pglite", dataDir });
          })();
    try {
      expect(await schemaIsCurrent(rawQuery(reopened.db))).toBe(true);
      expect(await reopened.db.select({ id: users.id }).from(users).limit(1)).toBeInstanceOf(Array);
    } finally {
      await reopened.close();
    }
  });
});
