/**
 * Claims on a work table: up to N due rows are taken in one statement — a `FOR UPDATE SKIP
 * LOCKED` pick inside an `UPDATE … RETURNING` that adds one to the row's attempts and sets its
 * lease — so that of several callers (other runs, other instances) each row goes to exactly one.
 * What "due" means, the order and the lease columns are the caller's: the import queue, the
 * webhook processor and the mail outbox each describe their table with a `ClaimSpec`.
 */
import { and, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Db } from "@/server/db/client";
import { keyOf } from "./lease";

/** A work table as a queue. */
export interface ClaimSpec<T extends PgTable> {
  table: T;
  /** The primary key. */
  id: PgColumn;
  /** The claim counter (one more per claim). */
  attempts: PgColumn;
  /** The rows that may be claimed now; checked by the pick and again by the update. */
  due: SQL | undefined;
  /** Which due rows go first. */
  orderBy: Array<PgColumn | SQL>;
  /** What a claim sets besides the attempts: the lease (holder, expiry, state…). */
  lease?: PgUpdateSetSource<T>;
}

/** Extra values computed per claimed row (e.g. whether a related record exists). */
type Extra = Record<string, SQL>;
type ExtraValues<E extends Extra> = { [K in keyof E]: E[K] extends SQL<infer V> ? V : never };

/** The ids of up to `limit` due rows, locked for this transaction; rows others have locked are skipped. */
export function pickDue<T extends PgTable>(db: Db, spec: ClaimSpec<T>, limit: number) {
  return db
    .select({ id: spec.id })
    .from(spec.table as PgTable)
    .where(spec.due)
    .orderBy(...spec.orderBy)
    .limit(limit)
    .for("update", { skipLocked: true });
}

/**
 * Claims up to `limit` due rows (attempts + 1, the spec's lease set) and returns them as updated,
 * with the `extra` values. One statement: `= any(array(…))` runs the pick once (an InitPlan), so
 * at most `limit` rows are taken — unlike `id in (select … limit n for update skip locked)`,
 * which the planner may re-run per row and so take more than n.
 */
export async function claimDue<T extends PgTable, E extends Extra = Record<never, SQL>>(
  db: Db,
  spec: ClaimSpec<T>,
  limit: number,
  extra?: E,
): Promise<Array<T["$inferSelect"] & ExtraValues<E>>> {
  const set = { ...spec.lease, [keyOf(spec.table, spec.attempts)]: sql`${spec.attempts} + 1` } as PgUpdateSetSource<T>;
  const rows = await db
    .update(spec.table)
    .set(set)
    .where(and(sql`${spec.id} = any(array(${pickDue(db, spec, limit)}))`, spec.due))
    .returning({ ...getTableColumns(spec.table), ...extra });
  // `returning` over a table given as a parameter is typed loosely; the row is the table's plus `extra`.
  return rows as Array<T["$inferSelect"] & ExtraValues<E>>;
}
