/**
 * What a person does to their own account (password, two-step verification, name, deletion)
 * concerns every organization they belong to: one audit entry in each, done by them.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { memberships } from "@/server/db/schema";
import { auditInsert } from "./writer";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type AccountAction =
  | "user.password_change"
  | "user.password_reset"
  | "user.two_factor_enable"
  | "user.two_factor_disable"
  | "user.name_change"
  | "user.email_change"
  | "user.delete";

export async function auditAccountEvent(
  db: Db | Tx,
  userId: string,
  action: AccountAction,
  details: Record<string, unknown> = {},
): Promise<void> {
  const orgs = await db
    .select({ organizationId: memberships.organizationId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  for (const { organizationId } of orgs) {
    await auditInsert(
      db as Db,
      { organizationId, actorUserId: userId },
      {
        action,
        targetType: "user",
        targetId: userId,
        result: "success",
        details,
      },
    );
  }
}
