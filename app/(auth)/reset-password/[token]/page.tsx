import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { serverCaller } from "@/lib/trpc/server";
import { ZPasswordResetLinkInput } from "@/lib/validation/auth";
import { appErrorOf, type AppErrorInfo } from "@/server/errors";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.resetPassword"))("title") };
}

async function loadLink(token: string): Promise<{ ok: true; email: string } | { ok: false; error: AppErrorInfo }> {
  if (!ZPasswordResetLinkInput.safeParse({ token }).success) return { ok: false, error: { code: "RESET_INVALID" } };
  try {
    return { ok: true, ...(await (await serverCaller()).auth.passwordResetLink({ token })) };
  } catch (error) {
    return { ok: false, error: appErrorOf(error)?.info ?? { code: "RESET_INVALID" } };
  }
}

/** The page a reset e-mail links to: the new password, or why the link cannot be used. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, te] = await Promise.all([getTranslations("auth.resetPassword"), getTranslations("errors")]);
  const link = await loadLink(token);
  if (!link.ok) {
    const { code, params: values } = link.error;
    const known = code === "RATE_LIMITED" || code === "RESET_USED" || code === "RESET_EXPIRED";
    return (
      <Card>
        <h1 className="text-2xl font-bold text-slate-900">{t("invalidTitle")}</h1>
        <Alert className="mt-4">{known ? te(code, values as { minutes: number }) : te("RESET_INVALID")}</Alert>
        <div className="mt-6 flex flex-wrap justify-between gap-3 text-sm">
          <Link href="/forgot-password" className="font-semibold text-brand-700 hover:underline">
            {t("requestNew")}
          </Link>
          <Link href="/sign-in" className="font-semibold text-brand-700 hover:underline">
            {t("backToSignIn")}
          </Link>
        </div>
      </Card>
    );
  }
  return (
    <Card>
      <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">{t("subtitle", { email: link.email })}</p>
      <ResetPasswordForm token={token} email={link.email} />
    </Card>
  );
}
