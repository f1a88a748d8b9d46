/**
 * The database: node-postgres when a postgres:// URL is given, otherwise an embedded
 * PGlite database in a data folder. Same schema, same committed migrations, applied on
 * open. Opened lazily (`next build` imports this module) and once per process.
 */
import path from "node:path";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Pool } from "pg";
import { logger } from "@/server/log";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DbHandle = {
  db: Db;
  close(): Promise<void>;
  /** The module copy of this file that made `db` (see getDb). */
  madeBy: object;
} & ({ kind: "postgres"; client: Pool } | { kind: "pglite"; client: PGlite });

/** This copy of the module: Next bundles it apart for instrumentation, route handlers and pages. */
const THIS_COPY = {};

export type DbConfig = { kind: "postgres"; url: string; poolSize?: number } | { kind: "pglite"; dataDir?: string };

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "drizzle");

/** A fixed key for the advisory lock that serialises migrations across instances. */
const MIGRATION_LOCK_KEY = 727_001;

/** DATABASE_POOL_SIZE (1–200), else 25 connections per instance. */
export function poolSizeFromEnv(e: NodeJS.ProcessEnv = process.env): number {
  const n = Number(e.DATABASE_POOL_SIZE);
  return Number.isInteger(n) && n >= 1 && n <= 200 ? n : 25;
}

/** The newest committed migration as drizzle records it: the journal's `when` and the sha256 of its SQL. */
export function latestMigration(folder: string = MIGRATIONS_FOLDER): { createdAt: number; hash: string } | null {
  const journal = JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as {
    entries: Array<{ when: number; tag: string }>;
  };
  const last = journal.entries.at(-1);
  if (!last) return null;
  const sql = readFileSync(path.join(folder, `${last.tag}.sql`), "utf8");
  return { createdAt: last.when, hash: createHash("sha256").update(sql).digest("hex") };
}

type RawQuery = (sql: string) => Promise<{ rows: Array<Record<string, unknown>> }>;

/**
 * True when the database's last applied migration is the newest committed one (same
 * created_at and hash in drizzle's own table): one query instead of drizzle's migrate (which
 * reads and hashes every file, creates its schema and table if missing, and opens a
 * transaction). Anything else — no table yet, an older or newer row, an error — says no,
 * and the caller runs the real migrator.
 */
export async function schemaIsCurrent(query: RawQuery, folder: string = MIGRATIONS_FOLDER): Promise<boolean> {
  const latest = latestMigration(folder);
  if (!latest) return false;
  try {
    const { rows } = await query(
      "select hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1",
    );
    const row = rows[0];
    return row !== undefined && Number(row.created_at) === latest.createdAt && row.hash === latest.hash;
  } catch {
    return false;
  }
}

export async function openDb(config: DbConfig): Promise<DbHandle> {
  if (config.kind === "postgres") {
    const [{ Pool }, { drizzle }, { migrate }] = await Promise.all([
      import("pg"),
      import("drizzle-orm/node-postgres"),
      import("drizzle-orm/node-postgres/migrator"),
    ]);
    // Web requests and the background workers (the import runs 2 × IMPORT_CONCURRENCY rows at once) share it.
    const pool = new Pool({ connectionString: config.url, max: config.poolSize ?? poolSizeFromEnv() });
    // An idle connection dropped by the server (restart, failover) must not crash the process.
    pool.on("error", (err) => logger.warn({ err: err.message }, "idle database connection lost"));
    const db = drizzle(pool, { schema });
    const handle: DbHandle = {
      db: db as unknown as Db,
      kind: "postgres",
      client: pool,
      close: () => pool.end(),
      madeBy: THIS_COPY,
    };
    if (await schemaIsCurrent((sql) => pool.query(sql))) return handle;
    const lock = await pool.connect();
    try {
      await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await lock.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
      lock.release();
    }
    return handle;
  }

  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  let client;
  if (config.dataDir) {
    mkdirSync(config.dataDir, { recursive: true });
    client = await PGlite.create(config.dataDir);
  } else {
    client = await PGlite.create();
  }
  const db = drizzle(client, { schema });
  if (!(await schemaIsCurrent((sql) => client.query(sql)))) await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db: db as unknown as Db, kind: "pglite", client, close: () => client.close(), madeBy: THIS_COPY };
}

/** The configuration this process uses, from the environment. */
export function dbConfigFromEnv(e: NodeJS.ProcessEnv = process.env): DbConfig {
  if (e.DATABASE_URL) return { kind: "postgres", url: e.DATABASE_URL };
  return { kind: "pglite", dataDir: path.resolve(e.DATA_DIR ?? ".data", "pglite") };
}

const globalForDb = globalThis as unknown as { __portalDb?: Promise<DbHandle>; __portalDbOpen?: boolean };

/** Whether this process has finished opening its database (never opens it). */
export function portalDbIsOpen(): boolean {
  return globalForDb.__portalDbOpen === true;
}

let ownDrizzle: { over: Promise<DbHandle>; handle: Promise<DbHandle> } | undefined;

/**
 * The process-wide database: one connection (pool or PGlite) kept on globalThis, so dev reloads
 * and Next's several bundles of this file don't open it twice. The drizzle around it is this
 * bundle's own: drizzle maps every column of every row it reads with `instanceof` checks against
 * its own classes, which fail (and fall back to a slow walk of the prototype chain) when the
 * tables were made by another bundle's copy of drizzle than the one reading.
 */
export function getDb(): Promise<DbHandle> {
  const shared = (globalForDb.__portalDb ??= openDb(dbConfigFromEnv()).then(
    (handle) => {
      globalForDb.__portalDbOpen = true;
      return handle;
    },
    (error: unknown) => {
      globalForDb.__portalDb = undefined;
      throw error;
    },
  ));
  if (ownDrizzle?.over !== shared) ownDrizzle = { over: shared, handle: shared.then(inThisCopy) };
  return ownDrizzle.handle;
}

async function inThisCopy(handle: DbHandle): Promise<DbHandle> {
  if (handle.madeBy === THIS_COPY) return handle;
  const db =
    handle.kind === "postgres"
      ? (await import("drizzle-orm/node-postgres")).drizzle(handle.client, { schema })
      : (await import("drizzle-orm/pglite")).drizzle(handle.client, { schema });
  return { ...handle, db: db as unknown as Db, madeBy: THIS_COPY };
}
