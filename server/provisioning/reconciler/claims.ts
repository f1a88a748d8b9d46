/**
 * Which rows need work, and the per-row claims: a row is CLAIMED (an atomic transition to
 * `pending` under the same condition it was selected by) before the vendor is asked, so a
 * user's retry and other instances leave it alone; released back to `uncertain` when the run
 * stops before settling it.
 */
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { departments, operators, type Department, type Operator, type ProvisioningErrorInfo } from "@/server/db/schema";
import { isProviderError } from "@/server/providers/errors";
import type { ClaimTiming } from "./types";

/** An update/delete whose outcome is unknown (timeout, lost connection, 5xx): the vendor may have applied it. */
export function uncertainOutcome(info: ProvisioningErrorInfo | null): boolean {
  if (!info) return false;
  return info.kind === "ambiguous" || (info.kind === "unavailable" && (info.status ?? 0) >= 500);
}

/** Not applied, but not a refusal either (429, connection refused, circuit open): try again next run. */
export function transient(error: unknown): boolean {
  return isProviderError(error) && error.kind === "unavailable";
}

export function staleOrUnsettled(table: typeof departments | typeof operators, graceMs: number, settleMs: number) {
  const now = Date.now();
  return or(
    and(eq(table.state, "uncertain"), lt(table.updatedAt, new Date(now - settleMs))),
    and(eq(table.state, "pending"), lt(table.updatedAt, new Date(now - graceMs))),
  );
}

/**
 * Claims a row for this run: the same condition it was selected by, re-checked atomically, so
 * only one caller (a user's retry, another instance) wins. The list is read AFTER the claim.
 */
export async function claimDepartment(db: Db, row: Department, opts: ClaimTiming): Promise<Department | null> {
  const [claimed] = await db
    .update(departments)
    .set({ state: "pending", updatedAt: new Date() })
    .where(
      and(
        eq(departments.id, row.id),
        isNull(departments.deletedAt),
        staleOrUnsettled(departments, opts.graceMs, opts.settleMs),
      ),
    )
    .returning();
  return claimed ?? null;
}

export async function claimOperator(db: Db, row: Operator, opts: ClaimTiming): Promise<Operator | null> {
  const [claimed] = await db
    .update(operators)
    .set({ state: "pending", updatedAt: new Date() })
    .where(and(eq(operators.id, row.id), staleOrUnsettled(operators, opts.graceMs, opts.settleMs)))
    .returning();
  return claimed ?? null;
}

export async function releaseDepartments(db: Db, rows: Department[]): Promise<void> {
  for (const r of rows) {
    await db
      .update(departments)
      .set({ state: "uncertain", updatedAt: new Date() })
      .where(and(eq(departments.id, r.id), eq(departments.state, "pending")));
  }
}

export async function releaseOperators(db: Db, rows: Operator[]): Promise<void> {
  for (const r of rows) {
    await db
      .update(operators)
      .set({ state: "uncertain", updatedAt: new Date() })
      .where(and(eq(operators.id, r.id), eq(operators.state, "pending")));
  }
}
