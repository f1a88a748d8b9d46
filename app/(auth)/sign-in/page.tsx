import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { currentSession } from "@/server/auth/current";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl);
  if (await currentSession()) redirect(callbackPath);
  const t = await getTranslations("auth.signIn");
  return (
    <Card>
      <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">{t("subtitle")}</p>
      <SignInForm callbackPath={callbackPath} />
    </Card>
  );
}
