"use client";
/**
 * The retry / resolve dialog's form (loaded on request: it carries the reason's rule): asks why
 * (required; it goes to the customer's audit log), calls the console procedure, says the outcome
 * in a toast and refreshes the list.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { ZStaffReason } from "@/lib/validation/console";
import { REASON_MAX } from "@/lib/validation/console-choices";
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
  const [reason, setReason] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
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

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = ZStaffReason.safeParse(reason);
    if (!checked.success) {
      setFieldError(errors.field(checked.error.issues[0]?.message));
      return;
    }
    setFieldError(undefined);
    const input = { kind, id, reason: checked.data };
    if (action === "retry") retry.mutate(input);
    else resolve.mutate(input);
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {action === "retry" && kind === "account" && <p className="text-sm text-slate-700">{t("accountWarning")}</p>}
      <TextField
        label={t("reason")}
        hint={t("reasonHint")}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fieldError}
        maxLength={REASON_MAX}
      />
      <div className="flex flex-wrap justify-end gap-3">
        <Button type="button" variant="secondary" onClick={onDone}>
          {t("cancel")}
        </Button>
        <Button type="submit" busy={retry.isPending || resolve.isPending}>
          {t("confirm")}
        </Button>
      </div>
    </form>
  );
}
