/** Support access for the request being rendered: is a grant live, and the audit of each page staff open. */
import "server-only";
import { auditSupportView } from "@/server/audit/staff";
import { getDb } from "@/server/db/client";
import { activeSupportGrant } from "@/server/team/support-access";
import type { OrgScope } from "./org-scope";

export async function hasLiveSupportGrant(organizationId: string): Promise<boolean> {
  const { db } = await getDb();
  return (await activeSupportGrant(db, organizationId)) !== null;
}

/** One page view under a support grant, in the customer's audit log. */
export async function recordSupportView(scope: OrgScope, staffUserId: string, path: string): Promise<void> {
  if (!scope.support) return;
  const { db } = await getDb();
  await auditSupportView(db, {
    organizationId: scope.org.id,
    staffUserId,
    grantId: scope.support.grantId,
    path,
  });
}
