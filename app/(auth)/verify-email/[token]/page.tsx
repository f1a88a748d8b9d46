import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { serverCaller } from "@/lib/trpc/server";
import { ZVerificationLinkInput } from "@/lib/validation/email";
import { appErrorOf, type AppErrorInfo } from "@/server/errors";
import { ConfirmEmailForm } from "./confirm-email-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("email.verifyPage"))("metaTitle") };
}

type LinkState = { ok: true; email: string; purpose: "sign_up" | "change" } | { ok: false; error: AppErrorInfo };

/** Looks at the link without using it: opening the page (or a mail scanner fetching it) changes nothing. */
async function loadLink(token: string): Promise<LinkState> {
  if (!ZVerificationLinkInput.safeParse({ token }).success) return { ok: false, error: { code: "VERIFICATION_INVALID" } };
  try {
    return { ok: true, ...(await (await serverCaller()).verification.link({ token })) };
  } catch (error) {
    return { ok: false, error: appErrorOf(error)?.info ?? { code: "VERIFICATION_INVALID" } };
  }
}

/** The page a verification e-mail links to: "Confirmar e-mail", or why the link cannot be used and what to do. */
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, te] = await Promise.all([getTranslations("email.verifyPage"), getTranslations("errors")]);
  const link = await loadLink(token);
  if (!link.ok) {
    const { code, params: values } = link.error;
    const known = code === "RATE_LIMITED" || code === "VERIFICATION_USED" || code === "VERIFICATION_EXPIRED";
    return (
      <Card>
        <h1 className="text-2xl font-bold text-slate-900">{t("invalidTitle")}</h1>
        <Alert className="mt-4">{known ? te(code, values as { minutes: number }) : te("VERIFICATION_INVALID")}</Alert>
        <div className="mt-6 flex flex-wrap justify-between gap-3 text-sm">
          <Link href="/" className="font-semibold text-brand-700 hover:underline">
            {t("goToPortal")}
          </Link>
          <Link href="/sign-in" className="font-semibold text-brand-700 hover:underline">
            {t("signIn")}
          </Link>
        </div>
      </Card>
    );
  }
  return (
    <Card>
      <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">
        {link.purpose === "change" ? t("subtitleChange", { email: link.email }) : t("subtitleSignUp", { email: link.email })}
      </p>
      <ConfirmEmailForm token={token} email={link.email} />
    </Card>
  );
}
