/**
 * sync.compare — our operators and departments next to the provider's lists, in groups (only at
 * the provider, only with us, different, being checked). It only reads the provider, but it is a
 * mutation (a POST, never a cross-site GET) because the result is remembered by name for the
 * console's Cliente page. Platform staff in support access may compare too (`looksOnly`); what
 * they see is not remembered.
 */
import { adminProcedure } from "@/server/api/trpc";
import { compareWithVendor } from "@/server/provisioning/sync";
import { rememberComparison } from "@/server/provisioning/sync-history";
import { ZSyncCompareOutput } from "./schemas";

export const compare = adminProcedure
  .meta({ looksOnly: true })
  .output(ZSyncCompareOutput)
  .mutation(async ({ ctx }) => {
    const comparison = await compareWithVendor(ctx.db, ctx.provider, ctx.org.id);
    if (!ctx.support) await rememberComparison(ctx.db, ctx.scope, comparison);
    return comparison;
  });
