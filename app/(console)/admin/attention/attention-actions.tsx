"use client";
/**
 * A row's "Tentar de novo" / "Marcar como resolvido": a dialog that asks why (required; it goes to
 * the customer's audit log), then the console procedure, a toast with the outcome and a fresh list.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { ZStaffReason, type AttentionKind } from "@/lib/validation/console";

export function AttentionActions({
  kind,
  id,
  name,
  actions,
}: {
  kind: AttentionKind;
  id: string;
  name: string;
  actions: Array<"retry" | "resolve">;
}) {
  const t = useTranslations("admin.attention");
  const errors = useErrorMessage();
  const router = useRouter();
  const trpc = useTRPC();
  const formId = useId();
  const [open, setOpen] = useState<"retry" | "resolve" | null>(null);
  const [reason, setReason] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const onSuccess = ({ outcome }: { outcome: "resolved" | "still_open" | "requeued" | "nothing_to_do" }) => {
    setOpen(null);
    setReason("");
    (outcome === "still_open" ? toast.warning : toast.success)(t(`outcomes.${outcome}`));
    router.refresh();
  };
  const onError = (error: unknown) => {
    setOpen(null);
    toast.error(t("failed", { message: errors.message(errorDataOf((error as { data?: unknown }).data)) }));
    router.refresh();
  };
  const retry = useMutation(trpc.console.attention.retry.mutationOptions({ onSuccess, onError }));
  const resolve = useMutation(trpc.console.attention.resolve.mutationOptions({ onSuccess, onError }));
  const busy = retry.isPending || resolve.isPending;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = ZStaffReason.safeParse(reason);
    if (!checked.success) {
      setFieldError(errors.field(checked.error.issues[0]?.message));
      return;
    }
    setFieldError(undefined);
    const input = { kind, id, reason: checked.data };
    if (open === "retry") retry.mutate(input);
    else resolve.mutate(input);
  };

  return (
    <div className="flex flex-wrap gap-2">
      {actions.includes("retry") && (
        <Button
          type="button"
          variant="secondary"
          className="whitespace-nowrap"
          context={name}
          onClick={() => setOpen("retry")}
        >
          {t("retry")}
        </Button>
      )}
      {actions.includes("resolve") && (
        <Button
          type="button"
          variant="ghost"
          className="whitespace-nowrap"
          context={name}
          onClick={() => setOpen("resolve")}
        >
          {t("resolve")}
        </Button>
      )}
      <Dialog
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open === "resolve" ? t("dialogResolve", { name }) : t("dialogRetry", { name })}
      >
        <form id={formId} onSubmit={submit} className="flex flex-col gap-4" noValidate>
          {open === "retry" && kind === "account" && <p className="text-sm text-slate-700">{t("accountWarning")}</p>}
          <TextField
            label={t("reason")}
            hint={t("reasonHint")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={fieldError}
            maxLength={300}
            autoFocus
          />
          <div className="flex flex-wrap justify-end gap-3">
            <Button type="button" variant="secondary" onClick={() => setOpen(null)}>
              {t("cancel")}
            </Button>
            <Button type="submit" busy={busy}>
              {t("confirm")}
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
