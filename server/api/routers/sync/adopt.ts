/** sync.adopt — a record that exists only at the provider becomes ours (a local, synced record). */
import { adminProcedure } from "@/server/api/trpc";
import { adoptFromVendor } from "@/server/provisioning/sync";
import { ZSyncAdoptInput, ZSyncResultOutput } from "./schemas";

export const adopt = adminProcedure
  .input(ZSyncAdoptInput)
  .output(ZSyncResultOutput)
  .mutation(({ ctx, input }) => adoptFromVendor(ctx.db, ctx.provider, ctx.scope, input));
