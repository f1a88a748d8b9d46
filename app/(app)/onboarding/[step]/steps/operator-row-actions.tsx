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
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { ZEmail } from "@/lib/validation/fields";
import { useFieldMessage } from "@/lib/errors/field-message";

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
  const errors = useErrorMessage();
  const [editing, setEditing] = useState(false);
  const [email, setEmail] = useState(operator.email ?? "");
  const [localError, setLocalError] = useState<string | undefined>();
  const [failure, setFailure] = useState<ServerErrorData | null>(null);
  const message = useFieldMessage(failure);
  const toggle = useMutation(
    trpc.operators.update.mutationOptions({ onSuccess: onChanged, onError: (err) => onError(errorDataOf(err)) }),
  );
  const changeEmail = useMutation(
    trpc.operators.update.mutationOptions({
      onMutate: () => setFailure(null),
      onSuccess: () => {
        setEditing(false);
        onChanged();
      },
      onError: (err) => {
        const e = errorDataOf(err);
        setFailure(e);
        if (!e.fieldErrors?.email) onError(e);
      },
    }),
  );
  if (operator.state !== "synced") return null;
  const emailError =
    message(localError, "email") ??
    (failure?.appError?.field === "email" && !failure.fieldErrors ? errors.message(failure) : undefined);

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
          onSubmit={(ev) => {
            ev.preventDefault();
            const parsed = ZEmail.safeParse(email);
            if (!parsed.success) return setLocalError(parsed.error.issues[0]?.message);
            setLocalError(undefined);
            changeEmail.mutate({ id: operator.id, version: operator.version, email: parsed.data });
          }}
        >
          <TextField
            className="grow"
            label={t("newEmail", { name: operator.name })}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={emailError}
          />
          <div className="flex gap-2 sm:pt-7">
            <Button type="submit" busy={changeEmail.isPending}>
              {t("save")}
            </Button>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                setEditing(false);
                setFailure(null);
                setLocalError(undefined);
              }}
            >
              {t("cancel")}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
