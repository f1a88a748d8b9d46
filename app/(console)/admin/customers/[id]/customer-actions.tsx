"use client";
/** Suspender / Reativar / Tentar de novo: each asks for the reason (shown to the customer) before acting. */
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { ZStaffReason } from "@/lib/validation/console";
import { REASON_MAX } from "@/lib/validation/console-choices";

type Action = "suspend" | "reactivate" | "retry";

export function CustomerActions({
  organizationId,
  name,
  suspended,
}: {
  organizationId: string;
  name: string;
  suspended: boolean;
}) {
  const t = useTranslations("admin.customer");
  const tv = useTranslations("validation");
  const errors = useErrorMessage();
  const router = useRouter();
  const trpc = useTRPC();
  const [open, setOpen] = useState<Action | null>(null);
  const [reason, setReason] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();

  const close = () => {
    setOpen(null);
    setReason("");
    setFieldError(undefined);
  };
  const done = (message: string, complete: boolean) => {
    toast.success(complete ? message : `${message} ${t("stillWorking")}`);
    close();
    router.refresh();
  };
  const onError = (error: unknown) => toast.error(errors.message(errorDataOf(error)));
  const suspend = useMutation(
    trpc.console.customer.suspend.mutationOptions({ onSuccess: (r) => done(t("suspended"), r.done), onError }),
  );
  const reactivate = useMutation(
    trpc.console.customer.reactivate.mutationOptions({ onSuccess: (r) => done(t("reactivated"), r.done), onError }),
  );
  const retry = useMutation(
    trpc.console.customer.retry.mutationOptions({ onSuccess: () => done(t("retried"), true), onError }),
  );
  const mutation = open === "suspend" ? suspend : open === "reactivate" ? reactivate : retry;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setFieldError(tv("required"));
      return;
    }
    // Then the procedure's own rule (at least 3 characters), said next to the field.
    const checked = ZStaffReason.safeParse(reason);
    if (!checked.success) {
      setFieldError(errors.field(checked.error.issues[0]?.message));
      return;
    }
    mutation.mutate({ organizationId, reason: checked.data });
  };

  const title =
    open === "suspend"
      ? t("suspendTitle", { name })
      : open === "reactivate"
        ? t("reactivateTitle", { name })
        : t("retryTitle", { name });
  const body = open === "suspend" ? t("suspendBody") : open === "reactivate" ? t("reactivateBody") : t("retryHint");

  return (
    <>
      <div className="flex flex-wrap gap-3">
        {suspended ? (
          <Button type="button" onClick={() => setOpen("reactivate")}>
            {t("reactivate")}
          </Button>
        ) : (
          <Button type="button" variant="danger" onClick={() => setOpen("suspend")}>
            {t("suspend")}
          </Button>
        )}
        <Button type="button" variant="secondary" onClick={() => setOpen("retry")}>
          {t("retry")}
        </Button>
      </div>
      <Dialog open={open !== null} onClose={close} title={title}>
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <p className="text-sm text-slate-700">{body}</p>
          <TextField
            label={t("reason")}
            hint={t("reasonHint")}
            value={reason}
            maxLength={REASON_MAX}
            error={fieldError}
            onChange={(e) => {
              setReason(e.target.value);
              setFieldError(undefined);
            }}
            required
          />
          <div className="flex flex-wrap justify-end gap-3">
            <Button type="button" variant="secondary" onClick={close}>
              {t("cancel")}
            </Button>
            <Button type="submit" variant={open === "suspend" ? "danger" : "primary"} busy={mutation.isPending}>
              {open === "suspend" ? t("suspend") : open === "reactivate" ? t("reactivate") : t("retry")}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
