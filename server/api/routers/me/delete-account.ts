/**
 * me.deleteAccount — the signed-in person deletes their own account, proving the password (a
 * wrong one counts against the sign-in budget) and, with two-factor sign-in on, a current code
 * (a wrong one counts against the two-factor budget: server/api/routers/two-factor/proof.ts). Refused while it would leave an organization
 * without an owner (server/auth/account-deletion.ts). Every session ends with the account; this
 * browser's cookie is cleared as well.
 */
import { z } from "zod";
import { ZDeleteAccountInput } from "@/lib/validation/account";
import { appError } from "@/server/errors";
import { protectedProcedure } from "@/server/api/trpc";
import { deleteAccount as deleteOwnAccount } from "@/server/auth/account-deletion";
import { verifyCredentials } from "@/server/auth/accounts";
import { sessionCookieName, sessionCookieOptions } from "@/server/auth/cookies";
import { check, hit, throwIfRefused } from "@/server/security/rate-limit";
import { proveTwoFactor } from "../two-factor/proof";

export const deleteAccount = protectedProcedure
  .input(ZDeleteAccountInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    const { userId, email } = ctx.session;
    if (ctx.session.twoFactorEnabled) {
      if (!input.code) throw appError("TWO_FACTOR_CODE_INVALID", { field: "code" });
      await proveTwoFactor(ctx, { password: input.password, code: input.code });
    } else {
      const accountKey = `${email.toLowerCase()}|${ctx.clientIp}`;
      throwIfRefused(await check("signInAccountIp", accountKey));
      if (!(await verifyCredentials(ctx.db, email, input.password))) {
        await hit("signInAccountIp", accountKey);
        throw appError("WRONG_PASSWORD", { field: "password" });
      }
    }
    const { organizations } = await deleteOwnAccount(ctx.db, userId);
    ctx.setCookie(sessionCookieName(), "", { ...sessionCookieOptions(), maxAge: 0 });
    ctx.log.info({ event: "account_deleted", userId, organizations }, "account deleted by its owner");
    return { ok: true as const };
  });
