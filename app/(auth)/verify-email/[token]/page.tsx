import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { serverCaller } from "@/lib/trpc/server";
import { ZVerificationLinkInput } from "@/lib/validation/email";
import { DeadLink } from "../../_link/dead-link";
import { readLink } from "../../_link/read-link";
import { ConfirmEmailForm } from "./confirm-email-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("email.verifyPage"))("metaTitle") };
}

/** Looks at the link without using it: opening the page (or a mail scanner fetching it) changes nothing. */
function loadLink(token: string) {
  const wellFormed = ZVerificationLinkInput.safeParse({ token }).success;
  return readLink(wellFormed, async () => (await serverCaller()).verification.link({ token }), "VERIFICATION_INVALID");
}

/** The page a verification e-mail links to: "Confirmar e-mail", or why the link cannot be used and what to do. */
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("email.verifyPage");
  const link = await loadLink(token);
  if (!link.ok) {
    return (
      <DeadLink
        title={t("invalidTitle")}
        error={link.error}
        explained={["RATE_LIMITED", "VERIFICATION_USED", "VERIFICATION_EXPIRED"]}
        fallback="VERIFICATION_INVALID"
        links={[
          { href: "/", label: t("goToPortal") },
          { href: "/sign-in", label: t("signIn") },
        ]}
      />
    );
  }
  return (
    <Card>
      <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">
        {link.purpose === "change"
          ? t("subtitleChange", { email: link.email })
          : t("subtitleSignUp", { email: link.email })}
      </p>
      <ConfirmEmailForm token={token} email={link.email} />
    </Card>
  );
}
