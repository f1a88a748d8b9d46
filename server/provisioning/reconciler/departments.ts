/**
 * Departments, resolved by the vendor's list: claimed rows are adopted when a same-name vendor
 * record exists (`mergeRemote`), else created again once; synced rows whose last update had an
 * unknown outcome are refreshed from the list.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { departments, type Department } from "@/server/db/schema";
import type { ProviderDepartment } from "@/server/providers/types";
import { mergeRemote } from "../departments";
import { claimDepartment, releaseDepartments, staleOrUnsettled, transient, uncertainOutcome } from "./claims";
import { recordFailure, recordSettled, type RunContext } from "./outcome";

export async function reconcileDepartments(run: RunContext): Promise<void> {
  const { db, provider, organizationId, vendorAccountId, timing: opts, counts } = run;
  const todo = await db
    .select()
    .from(departments)
    .where(
      and(
        eq(departments.organizationId, organizationId),
        isNull(departments.deletedAt),
        staleOrUnsettled(departments, opts.graceMs, opts.settleMs),
      ),
    );
  const toRefresh = (
    await db
      .select()
      .from(departments)
      .where(
        and(
          eq(departments.organizationId, organizationId),
          isNull(departments.deletedAt),
          eq(departments.state, "synced"),
          sql`${departments.lastError} is not null`,
        ),
      )
  ).filter((d) => uncertainOutcome(d.lastError));
  if (todo.length === 0 && toRefresh.length === 0) return;
  counts.examined += todo.length + toRefresh.length;

  const claimed: Department[] = [];
  for (const row of todo) {
    const c = await claimDepartment(db, row, opts);
    if (c) claimed.push(c);
  }

  let remote: ProviderDepartment[];
  const listedAt = new Date();
  try {
    remote = await provider.listDepartments(vendorAccountId);
  } catch (error) {
    await releaseDepartments(db, claimed);
    throw error;
  }
  // Adopts same-name vendor records for claimed rows, refreshes synced ones, marks vanished ones deleted.
  await mergeRemote(db, organizationId, remote, listedAt);
  for (const d of toRefresh) {
    const [after] = await db.select().from(departments).where(eq(departments.id, d.id));
    if (after && (after.lastError === null || after.deletedAt !== null)) {
      await recordSettled(run, "department", d.id, "refreshed", {
        outcome: after.deletedAt ? "deleted at vendor" : "refreshed",
      });
    }
  }

  for (const row of claimed) {
    const [now] = await db.select().from(departments).where(eq(departments.id, row.id));
    if (!now) continue;
    if (now.state === "synced") {
      await recordSettled(run, "department", row.id, "adopted", {
        outcome: "adopted",
        name: row.name,
        vendorId: now.vendorId,
      });
      continue;
    }
    // The list shows absence: create again, once.
    try {
      const { id: vendorId } = await provider.createDepartment(vendorAccountId, { name: row.name, active: row.active });
      await db
        .update(departments)
        .set({ vendorId, state: "synced", lastError: null, updatedAt: new Date() })
        .where(eq(departments.id, row.id));
      await recordSettled(run, "department", row.id, "recreated", { outcome: "recreated", name: row.name, vendorId });
    } catch (error) {
      await recordFailure(run, "department", row.id, error, { outcome: "recreate failed", name: row.name });
      if (transient(error)) return; // the vendor is not answering: the rest waits for the next run
    }
  }
}
