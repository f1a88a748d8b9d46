/**
 * plan.history — the subscription's changes from the audit log, newest first: subscribed, seats
 * changed, cancelled; who and when. Only what the vendor accepted (failed attempts are in Auditoria).
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { CANCEL_REASONS } from "@/lib/plan/cancel";
import { orgProcedure } from "@/server/api/trpc";
import { auditLog, users } from "@/server/db/schema";

const KINDS = {
  "subscription.set": "subscribed",
  "subscription.change": "changed",
  "subscription.cancel": "cancelled",
} as const;
type HistoryAction = keyof typeof KINDS;

export const ZPlanHistoryOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.date(),
      kind: z.enum(["subscribed", "changed", "cancelled"]),
      seats: z.number().nullable(),
      previousSeats: z.number().nullable(),
      cancelReason: z.enum(CANCEL_REASONS).nullable(),
      cancelNote: z.string().nullable(),
      /** "deleted": a person whose account no longer exists. */
      actorKind: z.enum(["user", "staff", "system", "deleted"]),
      actorName: z.string().nullable(),
    }),
  ),
});

const num = (v: unknown) => (typeof v === "number" ? v : null);
const reason = (v: unknown) =>
  (CANCEL_REASONS as readonly unknown[]).includes(v) ? (v as (typeof CANCEL_REASONS)[number]) : null;

export const history = orgProcedure.output(ZPlanHistoryOutput).query(async ({ ctx }) => {
  const rows = await ctx.db
    .select({
      id: auditLog.id,
      at: auditLog.createdAt,
      action: auditLog.action,
      actorKind: auditLog.actorKind,
      actorName: users.name,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.organizationId, ctx.org.id),
        inArray(auditLog.action, Object.keys(KINDS)),
        eq(auditLog.result, "success"),
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(50);
  return {
    items: rows.map((row) => {
      const d = row.details ?? {};
      return {
        id: row.id,
        at: row.at,
        kind: KINDS[row.action as HistoryAction],
        seats: num(d.seats),
        previousSeats: num(d.previousSeats),
        cancelReason: reason(d.cancelReason),
        cancelNote: typeof d.cancelNote === "string" ? d.cancelNote : null,
        actorKind: row.actorKind === "user" && row.actorName === null ? ("deleted" as const) : row.actorKind,
        actorName: row.actorName,
      };
    }),
  };
});
