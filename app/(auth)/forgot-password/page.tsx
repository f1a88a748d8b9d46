import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { currentSession } from "@/server/auth/current";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.forgotPassword"))("title") };
}

export default async function ForgotPasswordPage() {
  if (await currentSession()) redirect("/");
  const t = await getTranslations("auth.forgotPassword");
  return (
    <Card>
      <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">{t("subtitle")}</p>
      <ForgotPasswordForm />
    </Card>
  );
}
