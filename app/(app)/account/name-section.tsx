"use client";
import { useTranslations } from "next-intl";
import { FormOnRequest } from "@/components/ui/form-on-request";
import { lazyWithPreload } from "@/components/ui/lazy";

const NameForm = lazyWithPreload(() => import("./name-form"));

/** "Seu nome": the current name, and "Alterar nome", which opens the form in place. */
export function NameSection({ name }: { name: string }) {
  const t = useTranslations("auth.account");
  return (
    <>
      <p className="text-sm font-medium text-slate-800" data-testid="account-name">
        {t("nameCurrent", { name })}
      </p>
      <FormOnRequest label={t("nameOpen")} target={NameForm}>
        {(close) => <NameForm name={name} onClose={close} />}
      </FormOnRequest>
    </>
  );
}
