"use client";
/**
 * The retry / resolve dialog's form (loaded on request: it carries the reason's rule): asks why
 * (required; it goes to the customer's audit log), calls the console procedure, says the outcome
 * in a toast and refreshes the list.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { StaffReasonForm } from "@/components/console/staff-reason-form";
import { toast } from "@/components/ui/toast";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import type { AttentionKind } from "@/lib/validation/console-customers";

export default function AttentionReasonForm({
  action,
  kind,
  id,
  onDone,
}: {
  action: "retry" | "resolve";
  kind: AttentionKind;
  id: string;
  onDone: () => void;
}) {
  const t = useTranslations("admin.attention");
  const errors = useErrorMessage();
  const router = useRouter();
  const trpc = useTRPC();
  const onSuccess = ({ outcome }: { outcome: "resolved" | "still_open" | "requeued" | "nothing_to_do" }) => {
    onDone();
    (outcome === "still_open" ? toast.warning : toast.success)(t(`outcomes.${outcome}`));
    router.refresh();
  };
  const onError = (error: unknown) => {
    onDone();
    toast.error(t("failed", { message: errors.message(errorDataOf((error as { data?: unknown }).data)) }));
    router.refresh();
  };
  const retry = useMutation(trpc.console.attention.retry.mutationOptions({ onSuccess, onError }));
  const resolve = useMutation(trpc.console.attention.resolve.mutationOptions({ onSuccess, onError }));

  return (
    <StaffReasonForm
      intro={action === "retry" && kind === "account" ? t("accountWarning") : undefined}
      label={t("reason")}
      hint={t("reasonHint")}
      cancelLabel={t("cancel")}
      submitLabel={t("confirm")}
      busy={retry.isPending || resolve.isPending}
      onCancel={onDone}
      onSubmit={(reason) => (action === "retry" ? retry : resolve).mutate({ kind, id, reason })}
    />
  );
}
