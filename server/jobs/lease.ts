/**
 * Leases: a holder owns something until an expiry, so that one process at a time works on it and
 * a crashed holder's claim runs out by itself. Two forms share the same SQL:
 *
 * - a named lease, one row per name in a lease table (the reconciler's per-organization lease),
 *   taken with one atomic statement (insert, or take over an expired row), renewed and released
 *   by its holder only;
 * - lease columns on a work row (holder + expiry, or expiry alone), set by `claimDue` (claim.ts)
 *   with `leaseExpiry(ms)` and tested with `leaseExpired(column)`.
 *
 * Expiries are the database's clock (`now()`), so instances with skewed clocks agree.
 */
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { and, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgInsertValue, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Db } from "@/server/db/client";

/** A fresh holder identity: host, process and a random tag (`kind:` first when given). */
export function holderId(kind?: string): string {
  const id = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  return kind ? `${kind}:${id}` : id;
}

/** This process, as a lease holder. */
export const INSTANCE_ID = holderId();

/** The database's time `ms` milliseconds from now. */
export function nowPlusMs(ms: number): SQL {
  return sql`now() + ${ms} * interval '1 millisecond'`;
}

/** The expiry of a lease taken or renewed now for `ms` milliseconds. */
export function leaseExpiry(ms: number): SQL {
  return nowPlusMs(ms);
}

/** Whether the lease in `column` has run out. */
export function leaseExpired(column: PgColumn | SQL): SQL {
  return sql`${column} < now()`;
}

/** A table of named leases: one row per name, its holder and its expiry. */
export interface LeaseTable<T extends PgTable> {
  table: T;
  /** The lease's name (the primary key). */
  name: PgColumn;
  holder: PgColumn;
  expiresAt: PgColumn;
}

/** The property name under which `column` is declared on `table`. */
export function keyOf(table: PgTable, column: PgColumn): string {
  const entry = Object.entries(getTableColumns(table)).find(([, c]) => c === column);
  if (!entry) throw new Error(`column ${column.name} is not a column of this table`);
  return entry[0];
}

/** A named lease's operations on one lease table. */
export interface NamedLeases {
  /**
   * Takes the lease `name` for `holder` for `ms` milliseconds when nobody holds it or its lease
   * has expired; one statement, so of two instances racing exactly one wins. True when taken.
   */
  acquire(db: Db, name: string, holder: string, ms: number): Promise<boolean>;
  /** Extends the lease while `holder` still holds it; false when it was lost (expired and taken). */
  renew(db: Db, name: string, holder: string, ms: number): Promise<boolean>;
  /** Gives the lease up (only `holder`'s: a lease taken over meanwhile stays with its new holder). */
  release(db: Db, name: string, holder: string): Promise<void>;
}

export function namedLeases<T extends PgTable>(lease: LeaseTable<T>): NamedLeases {
  const { table } = lease;
  // Values are keyed by property name, which only `keyOf` knows for a table given as a parameter.
  const key = (column: PgColumn) => keyOf(table, column);
  const held = (name: string, holder: string) => and(eq(lease.name, name), eq(lease.holder, holder));
  return {
    async acquire(db, name, holder, ms) {
      const rows = await db
        .insert(table)
        .values({
          [key(lease.name)]: name,
          [key(lease.holder)]: holder,
          [key(lease.expiresAt)]: leaseExpiry(ms),
        } as PgInsertValue<T>)
        .onConflictDoUpdate({
          target: lease.name,
          set: {
            [key(lease.holder)]: sql`excluded.${sql.identifier(lease.holder.name)}`,
            [key(lease.expiresAt)]: sql`excluded.${sql.identifier(lease.expiresAt.name)}`,
          } as PgUpdateSetSource<T>,
          setWhere: leaseExpired(lease.expiresAt),
        })
        .returning({ holder: lease.holder });
      return rows[0]?.holder === holder;
    },
    async renew(db, name, holder, ms) {
      const rows = await db
        .update(table)
        .set({ [key(lease.expiresAt)]: leaseExpiry(ms) } as PgUpdateSetSource<T>)
        .where(held(name, holder))
        .returning({ holder: lease.holder });
      return rows.length > 0;
    },
    async release(db, name, holder) {
      await db.delete(table).where(held(name, holder));
    },
  };
}
