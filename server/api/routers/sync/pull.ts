/** sync.pull — "usar o do PlugChat": our record takes the provider's values (nothing changes at the provider). */
import { adminProcedure } from "@/server/api/trpc";
import { pullFromVendor } from "@/server/provisioning/sync";
import { ZSyncResultOutput, ZSyncTargetInput } from "./schemas";

export const pull = adminProcedure
  .input(ZSyncTargetInput)
  .output(ZSyncResultOutput)
  .mutation(({ ctx, input }) => pullFromVendor(ctx.db, ctx.provider, ctx.scope, input));
