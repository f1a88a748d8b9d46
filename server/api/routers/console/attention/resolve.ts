/** console.attention.resolve — "Marcar como resolvido" (imports and webhook deliveries only); audited with the reason. */
import { ZAttentionActionInput } from "@/lib/validation/console-customers";
import { staffProcedure } from "@/server/api/trpc";
import { resolveAttentionItem } from "@/server/console/attention";
import { ZAttentionActionOutput } from "./retry";

export const resolve = staffProcedure
  .input(ZAttentionActionInput)
  .output(ZAttentionActionOutput)
  .mutation(async ({ ctx, input }) => ({ outcome: (await resolveAttentionItem(ctx.db, ctx.staff, input)).outcome }));
