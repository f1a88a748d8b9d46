import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { serverCaller } from "@/lib/trpc/server";
import { ZPasswordResetLinkInput } from "@/lib/validation/auth";
import { LinkPage } from "../../_link/link-page";
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
  return (
    <LinkPage
      link={await loadLink(token)}
      dead={{
        title: t("invalidTitle"),
        explained: ["RATE_LIMITED", "RESET_USED", "RESET_EXPIRED"],
        fallback: "RESET_INVALID",
        links: [
          { href: "/forgot-password", label: t("requestNew") },
          { href: "/sign-in", label: t("backToSignIn") },
        ],
      }}
      title={t("title")}
      subtitle={(link) => t("subtitle", { email: link.email })}
    >
      {(link) => <ResetPasswordForm token={token} email={link.email} />}
    </LinkPage>
  );
}
