/** reliability.status — the reconciler's last run for this organization, its totals, and what needs attention now. */
import { adminProcedure } from "@/server/api/trpc";
import { reliabilityStatus } from "@/server/provisioning";
import { statusOutput, ZStatusOutput } from "./outputs";

export const status = adminProcedure
  .output(ZStatusOutput)
  .query(async ({ ctx }) => statusOutput(await reliabilityStatus(ctx.db, ctx.org.id)));
