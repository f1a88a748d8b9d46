/** What the reliability dashboard reads: what needs an admin's attention now, and the recorded runs. */
import { and, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { departments, operators, reconcilerRuns, type ReconcilerRun } from "@/server/db/schema";
import { getVendorAccount, STALE_PENDING_MS } from "../accounts";
import type { NeedsAttentionItem } from "./types";

/** What an admin must look at now: the account when not synced, rows not synced (after the grace period). */
export async function listNeedsAttention(
  db: Db,
  organizationId: string,
  graceMs: number = STALE_PENDING_MS,
): Promise<NeedsAttentionItem[]> {
  const items: NeedsAttentionItem[] = [];
  const account = await getVendorAccount(db, organizationId);
  if (account && (account.state === "uncertain" || account.state === "failed")) {
    items.push({
      type: "account",
      id: organizationId,
      name: account.name,
      state: account.state,
      lastError: account.lastError,
      updatedAt: account.updatedAt,
    });
  }
  const stale = new Date(Date.now() - graceMs);
  const notSynced = (table: typeof departments | typeof operators) =>
    or(inArray(table.state, ["uncertain", "failed"]), and(eq(table.state, "pending"), lt(table.updatedAt, stale)));
  const depts = await db
    .select()
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), isNull(departments.deletedAt), notSynced(departments)));
  for (const d of depts)
    items.push({
      type: "department",
      id: d.id,
      name: d.name,
      state: d.state,
      lastError: d.lastError,
      updatedAt: d.updatedAt,
    });
  const ops = await db
    .select()
    .from(operators)
    .where(and(eq(operators.organizationId, organizationId), notSynced(operators)));
  for (const o of ops)
    items.push({
      type: "operator",
      id: o.id,
      name: o.name,
      state: o.state,
      lastError: o.lastError,
      updatedAt: o.updatedAt,
    });
  return items;
}

export interface ReliabilityStatus {
  lastRun: ReconcilerRun | null;
  /** Totals of the organization's recorded runs. */
  totals: { runs: number; adopted: number; recreated: number; refreshed: number; failed: number };
  needsAttention: NeedsAttentionItem[];
}

export async function reliabilityStatus(db: Db, organizationId: string): Promise<ReliabilityStatus> {
  const [lastRun] = await db
    .select()
    .from(reconcilerRuns)
    .where(eq(reconcilerRuns.organizationId, organizationId))
    .orderBy(desc(reconcilerRuns.startedAt))
    .limit(1);
  const [totals] = await db
    .select({
      runs: sql<number>`count(*)::int`,
      adopted: sql<number>`coalesce(sum(${reconcilerRuns.adopted}), 0)::int`,
      recreated: sql<number>`coalesce(sum(${reconcilerRuns.recreated}), 0)::int`,
      refreshed: sql<number>`coalesce(sum(${reconcilerRuns.refreshed}), 0)::int`,
      failed: sql<number>`coalesce(sum(${reconcilerRuns.failed}), 0)::int`,
    })
    .from(reconcilerRuns)
    .where(eq(reconcilerRuns.organizationId, organizationId));
  return {
    lastRun: lastRun ?? null,
    totals: totals ?? { runs: 0, adopted: 0, recreated: 0, refreshed: 0, failed: 0 },
    needsAttention: await listNeedsAttention(db, organizationId),
  };
}
