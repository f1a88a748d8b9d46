/** ura.update — sends the automatic reply to the chat provider and keeps it (admins). */
import { z } from "zod";
import { ZUraInput } from "@/lib/validation/ura";
import { adminProcedure } from "@/server/api/trpc";
import { saveUra } from "@/server/provisioning";

export const update = adminProcedure
  .input(ZUraInput)
  .output(z.object({ savedAt: z.date() }))
  .mutation(async ({ ctx, input }) => {
    const row = await saveUra(ctx.db, ctx.provider, ctx.scope, input);
    return { savedAt: row.updatedAt };
  });
