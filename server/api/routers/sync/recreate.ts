/** sync.recreate — a record the provider does not have is created there again (provisioning create path). */
import { adminProcedure } from "@/server/api/trpc";
import { recreateAtVendor } from "@/server/provisioning/sync";
import { ZSyncResultOutput, ZSyncTargetInput } from "./schemas";

export const recreate = adminProcedure
  .input(ZSyncTargetInput)
  .output(ZSyncResultOutput)
  .mutation(({ ctx, input }) => recreateAtVendor(ctx.db, ctx.provider, ctx.scope, input));
