/**
 * Test databases: every integration suite runs against a fresh in-memory PGlite, and
 * against the real Postgres as well when TEST_DATABASE_URL is set. Each Postgres test
 * database is created for the suite and dropped afterwards, so runs never collide.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDb, type DbHandle } from "@/server/db/client";

export type TestDbKind = "pglite" | "postgres";

/** The database kinds this run covers: always PGlite, Postgres when configured. */
export function testDbKinds(): TestDbKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createTestDb(kind: TestDbKind): Promise<DbHandle & { url?: string }> {
  if (kind === "pglite") return openDb({ kind: "pglite" });
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `portal_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const handle = await openDb({ kind: "postgres", url, poolSize: 5 });
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}
