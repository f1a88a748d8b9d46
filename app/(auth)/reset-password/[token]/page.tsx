import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { serverCaller } from "@/lib/trpc/server";
import { ZPasswordResetLinkInput } from "@/lib/validation/auth";
import { DeadLink } from "../../_link/dead-link";
import { readLink } from "../../_link/read-link";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.resetPassword"))("title") };
}

function loadLink(token: string) {
  const wellFormed = ZPasswordResetLinkInput.safeParse({ token }).success;
  return readLink(wellFormed, async () => (await serverCaller()).auth.passwordResetLink({ token }), "RESET_INVALID");
}

/** The page a reset e-mail links to: the new password, or why the link cannot be used. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth.resetPassword");
  const link = await loadLink(token);
  if (!link.ok) {
    return (
      <DeadLink
        title={t("invalidTitle")}
        error={link.error}
        explained={["RATE_LIMITED", "RESET_USED", "RESET_EXPIRED"]}
        fallback="RESET_INVALID"
        links={[
          { href: "/forgot-password", label: t("requestNew") },
          { href: "/sign-in", label: t("backToSignIn") },
        ]}
      />
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
