"use client";
/**
 * The "add operator" form of a backend with `operatorEmail` (CDP): e-mail, first and last
 * name, role (when `operatorRoles`), "only assigned conversations" and enabled. The provider's
 * per-field refusals (`data.fieldErrors`, plain text) appear under the matching field.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useFieldMessage } from "@/lib/errors/field-message";
import type { ServerErrorData } from "@/lib/errors/messages";
import { ZEmailOperatorCreateInput, type TEmailOperatorCreateInput } from "@/lib/validation/onboarding";
import { defaultRoleOf, roleLabel } from "@/lib/validation/role-codes";

const emptyWith = (roleCode: string): TEmailOperatorCreateInput => ({
  email: "",
  firstName: "",
  lastName: "",
  roleCode,
  onlyAssignedConversations: false,
  active: true,
});
const FIELDS: readonly string[] = Object.keys(emptyWith(""));

/** `roleCodes`: the backend's role codes (`provider.roleCodes`, CDP_ROLE_CODES); empty hides the role field. */
export function EmailOperatorForm({
  roleCodes,
  busy,
  failure,
  onSubmit,
}: {
  roleCodes: readonly string[];
  busy: boolean;
  failure: ServerErrorData | null;
  onSubmit: (values: TEmailOperatorCreateInput, reset: () => void) => void;
}) {
  const t = useTranslations("onboarding.operators");
  const message = useFieldMessage(failure);
  const EMPTY = emptyWith(defaultRoleOf(roleCodes));
  const form = useForm<TEmailOperatorCreateInput>({
    resolver: zodResolver(ZEmailOperatorCreateInput),
    defaultValues: EMPTY,
  });
  const fe = form.formState.errors;
  const { setFocus } = form;
  // Move focus to the first field the provider refused, so it is seen and announced.
  const firstServerField = Object.keys(failure?.fieldErrors ?? {})[0];
  useEffect(() => {
    if (firstServerField && FIELDS.includes(firstServerField))
      setFocus(firstServerField as keyof TEmailOperatorCreateInput);
  }, [firstServerField, setFocus]);

  return (
    <form
      noValidate
      className="flex flex-col gap-4 rounded-lg p-4 ring-1 ring-slate-200"
      aria-labelledby="add-operator"
      onSubmit={form.handleSubmit((v) => onSubmit(v, () => form.reset(EMPTY)))}
    >
      <h3 id="add-operator" className="font-semibold text-slate-900">
        {t("addTitle")}
      </h3>
      <TextField
        label={t("email")}
        type="email"
        autoComplete="off"
        error={message(fe.email?.message, "email")}
        {...form.register("email")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("firstName")}
          autoComplete="off"
          error={message(fe.firstName?.message, "firstName")}
          {...form.register("firstName")}
        />
        <TextField
          label={t("lastName")}
          autoComplete="off"
          error={message(fe.lastName?.message, "lastName")}
          {...form.register("lastName")}
        />
      </div>
      {roleCodes.length > 0 && (
        <SelectField label={t("role")} error={message(fe.roleCode?.message, "roleCode")} {...form.register("roleCode")}>
          {roleCodes.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r, t)}
            </option>
          ))}
        </SelectField>
      )}
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" className="size-4 accent-brand-700" {...form.register("onlyAssignedConversations")} />
        {t("onlyAssigned")}
      </label>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" className="size-4 accent-brand-700" {...form.register("active")} />
        {t("enabled")}
      </label>
      <div>
        <Button type="submit" variant="secondary" busy={busy}>
          {t("add")}
        </Button>
      </div>
    </form>
  );
}
