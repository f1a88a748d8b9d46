import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { serverCaller } from "@/lib/trpc/server";
import { ZVerificationLinkInput } from "@/lib/validation/email";
import { LinkPage } from "../../_link/link-page";
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
  return (
    <LinkPage
      link={await loadLink(token)}
      dead={{
        title: t("invalidTitle"),
        explained: ["RATE_LIMITED", "VERIFICATION_USED", "VERIFICATION_EXPIRED"],
        fallback: "VERIFICATION_INVALID",
        links: [
          { href: "/", label: t("goToPortal") },
          { href: "/sign-in", label: t("signIn") },
        ],
      }}
      title={t("title")}
      subtitle={(link) =>
        link.purpose === "change"
          ? t("subtitleChange", { email: link.email })
          : t("subtitleSignUp", { email: link.email })
      }
    >
      {(link) => <ConfirmEmailForm token={token} email={link.email} />}
    </LinkPage>
  );
}
