/**
 * Operators: which rows need work (claimed first), then resolved by repeating an idempotent
 * upsert (`operatorUpsert`) or by the vendor's list (`listOperators`). With neither, nothing
 * can be checked safely: the rows are only reported.
 */
import { and, eq, sql } from "drizzle-orm";
import { operators, type Operator } from "@/server/db/schema";
import { claimOperator, staleOrUnsettled, uncertainOutcome } from "./claims";
import { reconcileOperatorsByList } from "./operators-list";
import { reconcileOperatorsByUpsert } from "./operators-upsert";
import type { RunContext } from "./outcome";

export async function reconcileOperators(run: RunContext): Promise<void> {
  const { db, provider, organizationId, timing: opts, counts } = run;
  // Neither an idempotent upsert nor a list: nothing can be checked safely; the rows stay reported.
  if (!provider.capabilities.operatorUpsert && !provider.capabilities.listOperators) return;
  const todo = await db
    .select()
    .from(operators)
    .where(and(eq(operators.organizationId, organizationId), staleOrUnsettled(operators, opts.graceMs, opts.settleMs)));
  const toRefresh = (
    await db
      .select()
      .from(operators)
      .where(
        and(
          eq(operators.organizationId, organizationId),
          eq(operators.state, "synced"),
          sql`${operators.lastError} is not null`,
        ),
      )
  ).filter((o) => uncertainOutcome(o.lastError));
  if (todo.length === 0 && toRefresh.length === 0) return;
  counts.examined += todo.length + toRefresh.length;

  const claimed: Operator[] = [];
  for (const row of todo) {
    const c = await claimOperator(db, row, opts);
    if (c) claimed.push(c);
  }

  if (provider.capabilities.operatorUpsert) await reconcileOperatorsByUpsert(run, claimed, toRefresh);
  else await reconcileOperatorsByList(run, claimed, toRefresh);
}
