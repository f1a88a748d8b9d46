"use client";
/**
 * Minha conta → "Excluir conta". While deleting would leave an organization without an owner the
 * section says so (with the way forward: Membros, to hand ownership over) instead of offering the
 * form; the server refuses it either way (server/auth/account-deletion.ts).
 */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { FormOnRequest } from "@/components/ui/form-on-request";
import { lazyWithPreload } from "@/components/ui/lazy";
import { useTRPC } from "@/lib/trpc/react";

const DeleteAccountForm = lazyWithPreload(() => import("./delete-account-form"));

export function DeleteAccountSection({ email, twoFactorEnabled }: { email: string; twoFactorEnabled: boolean }) {
  const t = useTranslations("auth.account");
  const trpc = useTRPC();
  const status = useQuery(trpc.me.deletionStatus.queryOptions());
  const blockers = status.data?.blockers ?? [];
  if (!status.data) return null;
  if (blockers.length > 0) {
    return (
      <div className="flex flex-col gap-3">
        {blockers.map((b) => (
          <Alert key={b.organizationName} tone="warning">
            {b.reason === "transfer"
              ? t("deleteBlockedTransfer", { organization: b.organizationName })
              : t("deleteBlockedAlone", { organization: b.organizationName })}
          </Alert>
        ))}
        {blockers.some((b) => b.reason === "transfer") && (
          <Link href="/team/members" className="self-start text-sm font-semibold text-brand-700 underline">
            {t("membersLink")}
          </Link>
        )}
      </div>
    );
  }
  return (
    <FormOnRequest label={t("deleteOpen")} target={DeleteAccountForm}>
      {(close) => <DeleteAccountForm email={email} twoFactorEnabled={twoFactorEnabled} onClose={close} />}
    </FormOnRequest>
  );
}
