"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { errorDataOf, useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";
import { useFieldError, useServerErrors } from "@/lib/forms/server-errors";
import { CANCEL_NOTE_MAX, CANCEL_REASONS } from "@/lib/plan/cancel";
import { useTRPC } from "@/lib/trpc/react";
import type { TCancelSubscriptionInput } from "@/lib/validation/plan";

const cancelResolver = lazyZodResolver<TCancelSubscriptionInput>(() =>
  import("@/lib/validation/plan").then((m) => m.ZCancelSubscriptionInput),
);

/**
 * Cancelling: a required reason (and an optional note), what it means for the chat, and a
 * confirmation before plan.cancel calls the vendor.
 */
export function CancelSection({
  seats,
  meaning,
  onCancelled,
}: {
  seats: number;
  /** What cancelling means for the chat now (the trial's end, or right away). */
  meaning: string;
  onCancelled: () => void;
}) {
  const t = useTranslations("plan");
  const trpc = useTRPC();
  const errors = useErrorMessage();
  const fieldError = useFieldError();
  const form = useForm<TCancelSubscriptionInput>({
    resolver: cancelResolver,
    // No reason chosen yet: the schema refuses "" with "Escolha um motivo."
    defaultValues: { reason: "" as TCancelSubscriptionInput["reason"], note: "" },
  });
  const putOnFields = useServerErrors(form, ["reason", "note"]);
  const [confirming, setConfirming] = useState<TCancelSubscriptionInput | null>(null);
  const [failure, setFailure] = useState<ServerErrorData | null>(null);
  const cancel = useMutation(
    trpc.plan.cancel.mutationOptions({
      onMutate: () => setFailure(null),
      onSuccess: () => onCancelled(),
      onSettled: () => setConfirming(null),
      onError: (err) => {
        const data = errorDataOf(err);
        if (!putOnFields(data)) setFailure(data);
      },
    }),
  );

  return (
    <Card title={t("cancelTitle")} data-testid="plan-cancel">
      <div className="flex flex-col gap-4">
        <p className="text-sm text-slate-800">
          {t("cancelIntro")} {meaning}
        </p>
        {failure && <Alert>{errors.message(failure)}</Alert>}
        <form noValidate className="flex flex-col gap-4" onSubmit={form.handleSubmit((v) => setConfirming(v))}>
          <SelectField
            className="max-w-md"
            label={t("reason")}
            error={fieldError(form.formState.errors.reason)}
            {...form.register("reason")}
          >
            <option value="">{t("reasonPlaceholder")}</option>
            {CANCEL_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`reasons.${r}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            className="max-w-xl"
            label={t("note")}
            hint={t("noteHint", { max: CANCEL_NOTE_MAX })}
            rows={3}
            error={fieldError(form.formState.errors.note)}
            {...form.register("note")}
          />
          <div>
            <Button type="submit" variant="danger" busy={cancel.isPending}>
              {t("cancelButton")}
            </Button>
          </div>
        </form>
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={t("confirmCancelTitle")}
        body={
          confirming !== null && (
            <>
              <p>{t("confirmCancelBody", { seats })}</p>
              <p className="mt-2">{meaning}</p>
              <p className="mt-2">{t("history.reason", { reason: t(`reasons.${confirming.reason}`) })}</p>
            </>
          )
        }
        confirmLabel={t("confirmCancel")}
        cancelLabel={t("keep")}
        busy={cancel.isPending}
        onConfirm={() => confirming !== null && cancel.mutate(confirming)}
        onClose={() => !cancel.isPending && setConfirming(null)}
      />
    </Card>
  );
}
