import { createTRPCRouter } from "@/server/api/trpc";
import { auditActions } from "./audit-actions";
import { auditLogQuery } from "./audit-log";
import { changeRole } from "./change-role";
import { departmentsSummary } from "./departments-summary";
import { invitations } from "./invitations";
import { invite } from "./invite";
import { leave } from "./leave";
import { linkOperator } from "./link-operator";
import { members } from "./members";
import { operatorOptions } from "./operator-options";
import { operatorsPage } from "./operators-page";
import { updateOperator } from "./update-operator";
import { removeMember } from "./remove-member";
import { revokeInvitation } from "./revoke-invitation";
import { transferOwnership } from "./transfer-ownership";

export const teamRouter = createTRPCRouter({
  members,
  invitations,
  invite,
  revokeInvitation,
  changeRole,
  removeMember,
  leave,
  transferOwnership,
  linkOperator,
  operatorOptions,
  auditLog: auditLogQuery,
  auditActions,
  operatorsPage,
  updateOperator,
  departmentsSummary,
});
