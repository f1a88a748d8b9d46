"use client";
/**
 * A department's name, in a dialog: create (no `department`) or rename one. Loaded lazily by the
 * departments page (react-hook-form and the zod schemas stay out of its first download); saved,
 * it says so and hands back to the page, which closes the dialog.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { APP_FIELD_ERROR, useFieldError, useServerErrors } from "@/lib/forms/server-errors";
import { useTRPC } from "@/lib/trpc/react";
import {
  ZDepartmentCreateInput,
  ZDepartmentRenameForm,
  type TDepartmentCreateInput,
} from "@/lib/validation/onboarding";

interface DepartmentFormProps {
  /** The department to rename; null creates one. */
  department: { id: string; name: string; version: number } | null;
  onCancel: () => void;
  onSaved: () => void;
}

export default function DepartmentForm({ department, onCancel, onSaved }: DepartmentFormProps) {
  const t = useTranslations("team.departments");
  const tc = useTranslations("team.common");
  const errors = useErrorMessage();
  const fieldError = useFieldError();
  const trpc = useTRPC();
  const form = useForm<TDepartmentCreateInput>({
    resolver: zodResolver(department ? ZDepartmentRenameForm : ZDepartmentCreateInput),
    defaultValues: { name: department?.name ?? "" },
  });
  const errorsOn = useServerErrors(form, ["name"]);
  const create = useMutation(trpc.departments.create.mutationOptions());
  const rename = useMutation(trpc.departments.update.mutationOptions());

  const failed = (error: unknown) => {
    const info = errorDataOf(error);
    if (errorsOn(info)) return;
    const message = department && info.appError?.code === "CONFLICT" ? t("conflict") : errors.message(info);
    form.setError("name", { type: APP_FIELD_ERROR, message }, { shouldFocus: true });
  };
  const saved = (message: string) => {
    toast.success(message);
    onSaved();
  };

  const onSubmit = form.handleSubmit(({ name }) =>
    department
      ? rename.mutate(
          { id: department.id, version: department.version, name },
          { onSuccess: (row) => saved(t("renamed", { name: row.name })), onError: failed },
        )
      : create.mutate({ name }, { onSuccess: (row) => saved(t("created", { name: row.name })), onError: failed }),
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="flex flex-col gap-4">
      <TextField
        label={department ? t("newName") : t("newLabel")}
        error={fieldError(form.formState.errors.name)}
        autoComplete="off"
        {...form.register("name")}
      />
      <div className="flex justify-end gap-3">
        <Button type="button" variant="secondary" onClick={onCancel}>
          {tc("cancel")}
        </Button>
        <Button type="submit" busy={create.isPending || rename.isPending}>
          {department ? tc("save") : t("create")}
        </Button>
      </div>
    </form>
  );
}
