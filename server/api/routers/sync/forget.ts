/** sync.forget — "remover do portal": our record of something the provider does not have is removed; the provider is not called to change anything. */
import { adminProcedure } from "@/server/api/trpc";
import { forgetLocal } from "@/server/provisioning/sync";
import { ZSyncResultOutput, ZSyncTargetInput } from "./schemas";

export const forget = adminProcedure
  .input(ZSyncTargetInput)
  .output(ZSyncResultOutput)
  .mutation(({ ctx, input }) => forgetLocal(ctx.db, ctx.provider, ctx.scope, input));
