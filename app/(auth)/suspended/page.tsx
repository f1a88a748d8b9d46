import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentOrgScope } from "@/server/auth/current-org";
import { currentSession } from "@/server/auth/current";
import { supportEmail } from "@/server/config/support-contact";
import { SignOutButton } from "./sign-out-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support.suspended"))("metaTitle"), robots: { index: false } };
}

/**
 * What a suspended organization's people see instead of its pages (the signed-in layout and
 * template send them here; the procedures refuse them with ORGANIZATION_SUSPENDED): who to write
 * to, and a way to sign out. Anyone else is sent on to the portal.
 */
export default async function SuspendedPage() {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  const scope = await currentOrgScope(session.userId);
  if (!scope?.org.suspendedAt || scope.support) redirect("/");
  const [t, email] = await Promise.all([getTranslations("support.suspended"), supportEmail()]);
  return (
    <section className="flex flex-col gap-4" data-testid="suspended-page">
      <h1 className="text-2xl font-bold text-slate-900">{t("title", { org: scope.org.name })}</h1>
      <p className="text-slate-700">{t("body")}</p>
      {email ? (
        <p className="text-slate-700">
          {t("contact")}{" "}
          <a href={`mailto:${email}`} className="font-semibold break-all text-brand-800 underline">
            {email}
          </a>
        </p>
      ) : (
        <p className="text-slate-700">{t("noContact")}</p>
      )}
      <div>
        <SignOutButton label={t("signOut")} />
      </div>
    </section>
  );
}
