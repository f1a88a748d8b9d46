import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { currentSession } from "@/server/auth/current";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{
    callbackUrl?: string;
    reset?: string;
    verified?: string;
    emailChanged?: string;
    deleted?: string;
  }>;
}) {
  const query = await searchParams;
  const callbackPath = safeCallbackPath(query.callbackUrl);
  if (await currentSession()) redirect(callbackPath);
  const [t, te] = await Promise.all([getTranslations("auth.signIn"), getTranslations("email.signIn")]);
  return (
    <Card>
      <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">{t("subtitle")}</p>
      {query.reset === "1" && (
        <Alert tone="info" className="mb-4">
          {t("passwordChanged")}
        </Alert>
      )}
      {query.deleted === "1" && (
        <Alert tone="info" className="mb-4">
          {t("accountDeleted")}
        </Alert>
      )}
      {(query.verified === "1" || query.emailChanged === "1") && (
        <Alert tone="info" className="mb-4">
          {query.emailChanged === "1" ? te("changed") : te("confirmed")}
        </Alert>
      )}
      <SignInForm callbackPath={callbackPath} />
    </Card>
  );
}
