import { createTRPCRouter } from "@/server/api/trpc";
import { beginEnrolment } from "./begin-enrolment";
import { confirmEnrolment } from "./confirm-enrolment";
import { disable } from "./disable";
import { regenerateRecoveryCodes } from "./regenerate-recovery-codes";
import { setOrganizationRequirement } from "./set-organization-requirement";
import { status } from "./status";

export const twoFactorRouter = createTRPCRouter({
  status,
  beginEnrolment,
  confirmEnrolment,
  disable,
  regenerateRecoveryCodes,
  setOrganizationRequirement,
});
