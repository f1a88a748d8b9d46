"use client";
/** Suspender / Reativar / Tentar de novo: each asks for the reason (shown to the customer) before acting. */
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { StaffReasonForm } from "@/components/console/staff-reason-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";

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
  const errors = useErrorMessage();
  const router = useRouter();
  const trpc = useTRPC();
  const [open, setOpen] = useState<Action | null>(null);
  const close = () => setOpen(null);
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
        {/* Mounted per opening: the reason starts empty each time. */}
        {open && (
          <StaffReasonForm
            intro={body}
            label={t("reason")}
            hint={t("reasonHint")}
            cancelLabel={t("cancel")}
            submitLabel={open === "suspend" ? t("suspend") : open === "reactivate" ? t("reactivate") : t("retry")}
            danger={open === "suspend"}
            busy={mutation.isPending}
            onCancel={close}
            onSubmit={(reason) => mutation.mutate({ organizationId, reason })}
          />
        )}
      </Dialog>
    </>
  );
}
