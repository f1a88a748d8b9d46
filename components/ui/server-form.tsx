"use client";
/**
 * A form whose submit goes to the server: react-hook-form's submit, a refusal put where it
 * belongs (on its field — focused — through useServerErrors, else above the form), and the
 * submit / cancel row. Minha conta's forms (name, e-mail, password, two-step proof, deletion)
 * are this plus their fields; `useServerForm` gives the field errors as sentences.
 */
import { clsx } from "clsx";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { errorDataOf, useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";
import { useFieldError, useServerErrors } from "@/lib/forms/server-errors";
import { Alert } from "./alert";
import { Button, type ButtonProps } from "./button";

export interface ServerFormProps<T extends FieldValues> {
  form: UseFormReturn<T>;
  /** The fields a server refusal may name (in focus order). */
  fields: readonly Path<T>[];
  /** Sends the values; a thrown tRPC error is shown on its field or above the form. */
  onSubmit: (values: T) => Promise<void>;
  /** A refusal that needs its own words (return true once it is put on the form). */
  onRefusal?: (data: ServerErrorData) => boolean;
  submitLabel: string;
  busyLabel: string;
  submitVariant?: ButtonProps["variant"];
  /** The cancel button; none when not given. */
  cancel?: { label: string; onClick: () => void };
  /** "end": the buttons at the right (dialogs), cancel first. */
  actionsAlign?: "start" | "end";
  /** Extra content above the fields (an explanation). */
  intro?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}

export function ServerForm<T extends FieldValues>({
  form,
  fields,
  onSubmit,
  onRefusal,
  submitLabel,
  busyLabel,
  submitVariant = "primary",
  cancel,
  actionsAlign = "start",
  intro,
  children,
  className,
}: ServerFormProps<T>) {
  const errors = useErrorMessage();
  const putOnFields = useServerErrors(form, fields);
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (error) {
      const data = errorDataOf(error);
      if (onRefusal?.(data)) return;
      if (!putOnFields(data)) form.setError("root", { message: errors.message(data) });
    }
  });
  const busy = form.formState.isSubmitting;
  const rootError = form.formState.errors.root?.message;
  const cancelButton = cancel && (
    <Button type="button" variant="ghost" onClick={cancel.onClick}>
      {cancel.label}
    </Button>
  );
  return (
    <form onSubmit={submit} noValidate className={clsx("flex flex-col gap-4", className)}>
      {intro}
      {rootError && <Alert>{rootError}</Alert>}
      {children}
      <div className={clsx("flex flex-wrap gap-3", actionsAlign === "end" && "justify-end")}>
        {actionsAlign === "end" && cancelButton}
        <Button type="submit" variant={submitVariant} busy={busy}>
          {busy ? busyLabel : submitLabel}
        </Button>
        {actionsAlign === "start" && cancelButton}
      </div>
    </form>
  );
}

/** A field's error as a sentence (a zod rule's key, a server key, or an app error's sentence). */
export function useServerFormFieldError<T extends FieldValues>(form: UseFormReturn<T>) {
  const fieldError = useFieldError();
  return (name: Path<T>) => {
    const error = form.getFieldState(name, form.formState).error;
    return fieldError(error);
  };
}
