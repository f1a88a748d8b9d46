/** sync.push — "usar o do portal": the provider takes our values (provisioning update path, version-checked). */
import { adminProcedure } from "@/server/api/trpc";
import { pushToVendor } from "@/server/provisioning/sync";
import { ZSyncResultOutput, ZSyncTargetInput } from "./schemas";

export const push = adminProcedure
  .input(ZSyncTargetInput)
  .output(ZSyncResultOutput)
  .mutation(({ ctx, input }) => pushToVendor(ctx.db, ctx.provider, ctx.scope, input));
