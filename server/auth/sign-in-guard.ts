/**
 * Before next-auth sees a credentials sign-in: an exhausted failure budget is answered
 * 429 with Retry-After (next-auth itself would say 401), in the shape `signIn()` reads.
 */
import "server-only";
import { ZEmail } from "@/lib/validation/fields";
import { clientIpFrom } from "@/server/security/client-address";
import { check, minutesOf } from "@/server/security/rate-limit";
import { SIGN_IN_ERRORS } from "./options";
import { twoFactorBudgetRefusal } from "./two-factor-sign-in";

export async function refuseThrottledSignIn(req: Request): Promise<Response | null> {
  const url = new URL(req.url);
  if (req.method !== "POST" || !url.pathname.endsWith("/callback/credentials")) return null;
  let email: string | undefined;
  let withCode = false;
  try {
    const form = await req.clone().formData();
    const parsed = ZEmail.safeParse(form.get("email"));
    email = parsed.success ? parsed.data : undefined;
    withCode = Boolean(form.get("code") || form.get("recoveryCode"));
  } catch {
    return null;
  }
  const ip = clientIpFrom((name) => req.headers.get(name));
  const refusal =
    (email ? await check("signInAccountIp", `${email}|${ip}`) : null) ??
    (await check("signInIp", ip)) ??
    // The two-factor step: its own budgets, spent by wrong codes.
    (email && withCode ? await twoFactorBudgetRefusal(email, ip) : null);
  if (!refusal) return null;
  const error = encodeURIComponent(`${SIGN_IN_ERRORS.rateLimited}:${minutesOf(refusal)}`);
  return new Response(JSON.stringify({ url: `${url.origin}/sign-in?error=${error}` }), {
    status: 429,
    headers: {
      "content-type": "application/json",
      "retry-after": String(refusal.retryAfterSeconds),
      "cache-control": "no-store",
    },
  });
}
