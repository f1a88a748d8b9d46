/**
 * The proof turning two-factor off (or renewing recovery codes) needs: the password, then a
 * current code (app or recovery). A wrong password spends the sign-in budget, a wrong code
 * the two-factor budget, each refused next to its field.
 */
import { appError } from "@/server/errors";
import type { Context } from "@/server/api/trpc";
import { verifyCredentials } from "@/server/auth/accounts";
import type { SessionUser } from "@/server/auth/session";
import { consumeSecondFactor } from "@/server/auth/two-factor";
import { spendTwoFactorBudget, twoFactorBudgetRefusal } from "@/server/auth/two-factor-sign-in";
import { check, hit, throwIfRefused } from "@/server/security/rate-limit";

export async function proveTwoFactor(
  ctx: Context & { session: SessionUser },
  input: { password: string; code: string },
): Promise<void> {
  const { userId, email } = ctx.session;
  const accountKey = `${email.toLowerCase()}|${ctx.clientIp}`;
  throwIfRefused(await check("signInAccountIp", accountKey));
  if (!(await verifyCredentials(ctx.db, email, input.password))) {
    await hit("signInAccountIp", accountKey);
    throw appError("WRONG_PASSWORD", { field: "password" });
  }
  throwIfRefused(await twoFactorBudgetRefusal(email, ctx.clientIp));
  if (!(await consumeSecondFactor(ctx.db, userId, input.code))) {
    await spendTwoFactorBudget(email, ctx.clientIp);
    throw appError("TWO_FACTOR_CODE_INVALID", { field: "code" });
  }
}
