/** departments.remove — deletes a department (its chats move to "Geral"); the default one cannot be removed. */
import { z } from "zod";
import { ZId, ZVersion } from "@/lib/validation/onboarding";
import { adminProcedure } from "@/server/api/trpc";
import { removeDepartment } from "@/server/provisioning";

export const ZDepartmentRemoveInput = z.strictObject({ id: ZId, version: ZVersion });

export const remove = adminProcedure
  .input(ZDepartmentRemoveInput)
  .output(z.object({ success: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await removeDepartment(ctx.db, ctx.provider, ctx.scope, input);
    return { success: true as const };
  });
