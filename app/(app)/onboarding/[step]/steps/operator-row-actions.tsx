"use client";
/**
 * What can be done to a listed operator during the wizard: deactivate / reactivate (every
 * backend: access ends with active=false) and, on a backend with `operatorEmail`, change the
 * e-mail — the provider may refuse it (e.g. the e-mail belongs to another platform user) and
 * its message appears under the field.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, type ServerErrorData } from "@/lib/errors/messages";
import { useFieldError, useServerErrors } from "@/lib/forms/server-errors";
import { useTRPC } from "@/lib/trpc/react";
import type { TOperatorEmailForm } from "@/lib/validation/operator-form";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";

const operatorEmailFormResolver = lazyZodResolver<TOperatorEmailForm>(() =>
  import("@/lib/validation/operator-form").then((m) => m.ZOperatorEmailForm),
);

interface Row {
  id: string;
  name: string;
  version: number;
  active: boolean;
  email: string | null;
  state: string;
}

export function OperatorRowActions({
  operator,
  emailEditable,
  onChanged,
  onError,
}: {
  operator: Row;
  emailEditable: boolean;
  onChanged: () => void;
  onError: (e: ServerErrorData) => void;
}) {
  const t = useTranslations("onboarding.operators");
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const form = useForm<TOperatorEmailForm>({
    resolver: operatorEmailFormResolver,
    defaultValues: { email: operator.email ?? "" },
  });
  const putOnFields = useServerErrors(form, ["email"]);
  const fieldError = useFieldError();
  const toggle = useMutation(
    trpc.operators.update.mutationOptions({ onSuccess: onChanged, onError: (err) => onError(errorDataOf(err)) }),
  );
  const changeEmail = useMutation(
    trpc.operators.update.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        onChanged();
      },
      onError: (err) => {
        const e = errorDataOf(err);
        if (!putOnFields(e)) onError(e);
      },
    }),
  );
  if (operator.state !== "synced") return null;
  const close = () => {
    setEditing(false);
    form.reset({ email: operator.email ?? "" });
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          busy={toggle.isPending}
          onClick={() => toggle.mutate({ id: operator.id, version: operator.version, active: !operator.active })}
        >
          {operator.active ? t("deactivate", { name: operator.name }) : t("activate", { name: operator.name })}
        </Button>
        {emailEditable && !editing && (
          <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
            {t("editEmail", { name: operator.name })}
          </Button>
        )}
      </div>
      {emailEditable && editing && (
        <form
          noValidate
          className="flex flex-col gap-2 sm:flex-row sm:items-start"
          onSubmit={form.handleSubmit(({ email }) =>
            changeEmail.mutate({ id: operator.id, version: operator.version, email }),
          )}
        >
          <TextField
            className="grow"
            label={t("newEmail", { name: operator.name })}
            type="email"
            error={fieldError(form.formState.errors.email)}
            {...form.register("email")}
          />
          <div className="flex gap-2 sm:pt-7">
            <Button type="submit" busy={changeEmail.isPending}>
              {t("save")}
            </Button>
            <Button type="button" variant="secondary" onClick={close}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
