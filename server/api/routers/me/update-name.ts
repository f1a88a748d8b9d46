/** me.updateName — the signed-in person's own name (menus, the team list, the audit trail). */
import { eq } from "drizzle-orm";
import { z } from "zod";
import { ZUpdateNameInput } from "@/lib/validation/account";
import { protectedProcedure } from "@/server/api/trpc";
import { auditAccountEvent } from "@/server/audit/account-events";
import { users } from "@/server/db/schema";

export const updateName = protectedProcedure
  .input(ZUpdateNameInput)
  .output(z.object({ name: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const { userId, name: before } = ctx.session;
    if (input.name === before) return { name: before };
    await ctx.db.transaction(async (tx) => {
      await tx.update(users).set({ name: input.name, updatedAt: new Date() }).where(eq(users.id, userId));
      await auditAccountEvent(tx, userId, "user.name_change", { changes: { name: { from: before, to: input.name } } });
    });
    ctx.log.info({ event: "name_changed", userId }, "name changed");
    return { name: input.name };
  });
