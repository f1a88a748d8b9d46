/**
 * sync.compare — our operators and departments next to the provider's lists, in groups
 * (only at the provider, only with us, different, being checked). Reads only: a GET.
 */
import { adminProcedure } from "@/server/api/trpc";
import { compareWithVendor } from "@/server/provisioning/sync";
import { ZSyncCompareOutput } from "./schemas";

export const compare = adminProcedure
  .output(ZSyncCompareOutput)
  .query(({ ctx }) => compareWithVendor(ctx.db, ctx.provider, ctx.org.id));
