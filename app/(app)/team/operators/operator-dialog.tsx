"use client";
/**
 * The team's operator dialog (create / edit). Its fields follow the provider's capabilities:
 * on a backend with `operatorEmail` (CDP) the e-mail form (e-mail, first and last name, role,
 * "only assigned conversations", enabled — the onboarding form's zod schema), with the
 * provider's per-field refusals (`fieldErrors`) under the matching fields; otherwise the
 * name form, with departments / login and password only where the backend has them.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { PasswordField } from "@/components/ui/password-field";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useFieldMessage } from "@/lib/errors/field-message";
import { errorDataOf, useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { defaultRoleOf, roleFor, roleLabel } from "@/lib/validation/role-codes";
import { ZEmailOperatorForm, type TEmailOperatorForm } from "@/lib/validation/team";
import type { TProviderInfoOutput } from "@/server/api/routers/provider/capabilities";
import type { OperatorRow } from "./operators-view";

export type Capabilities = TProviderInfoOutput["capabilities"];

interface DepartmentChoice {
  id: string;
  name: string;
}

interface DialogProps {
  operator: OperatorRow | null;
  departments: DepartmentChoice[];
  capabilities: Capabilities;
  /** The backend's role codes (`provider.roleCodes`, CDP_ROLE_CODES). */
  roleCodes: readonly string[];
  onClose: () => void;
  onSaved: () => void;
}

/** Create or edit an operator. The edit names the version it read; the password is write-only. */
export function OperatorDialog(props: DialogProps) {
  return props.capabilities.operatorEmail ? <EmailOperatorDialog {...props} /> : <NameOperatorDialog {...props} />;
}

/** A server failure that belongs to no field: shown above the form (a conflict offers a reload). */
function GeneralFailure({ failure, fields }: { failure: ServerErrorData | null; fields: readonly string[] }) {
  const t = useTranslations("team.operators");
  const errors = useErrorMessage();
  if (!failure) return null;
  const onField =
    Object.keys(failure.fieldErrors ?? {}).some((f) => fields.includes(f)) ||
    (failure.appError?.field !== undefined && fields.includes(failure.appError.field));
  if (onField) return null;
  const conflict = failure.appError?.code === "CONFLICT";
  return (
    <Alert>
      {conflict ? t("conflict") : errors.message(failure)}{" "}
      {conflict && (
        <button type="button" className="font-semibold underline" onClick={() => window.location.reload()}>
          {t("reload")}
        </button>
      )}
    </Alert>
  );
}

const EMAIL_FIELDS = ["email", "firstName", "lastName", "roleCode", "onlyAssignedConversations", "active"] as const;

/** The role an operator row has: its role code, else derived from the admin flag. */
function roleOf(o: OperatorRow, roleCodes: readonly string[]): string {
  return o.roleCode ?? roleFor(o.isAdmin, roleCodes);
}

function emailDefaults(o: OperatorRow | null, roleCodes: readonly string[]): TEmailOperatorForm {
  if (!o)
    return {
      email: "",
      firstName: "",
      lastName: "",
      roleCode: defaultRoleOf(roleCodes),
      onlyAssignedConversations: false,
      active: true,
    };
  const [first = "", ...rest] = o.name.trim().split(/\s+/);
  return {
    email: o.email ?? "",
    firstName: o.firstName ?? first,
    lastName: o.lastName ?? rest.join(" "),
    roleCode: roleOf(o, roleCodes),
    onlyAssignedConversations: o.onlyAssignedConversations ?? false,
    active: o.active,
  };
}

/** Backends with `operatorEmail` (CDP): the e-mail form; the provider's fieldErrors land on their fields. */
function EmailOperatorDialog({ operator, capabilities, roleCodes, onClose, onSaved }: DialogProps) {
  const t = useTranslations("team.operators");
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const [failure, setFailure] = useState<ServerErrorData | null>(null);
  const message = useFieldMessage(failure);
  const create = useMutation(trpc.operators.create.mutationOptions());
  const update = useMutation(trpc.operators.update.mutationOptions());
  const form = useForm<TEmailOperatorForm>({
    resolver: zodResolver(ZEmailOperatorForm),
    defaultValues: emailDefaults(operator, roleCodes),
  });
  // A code no longer configured stays visible (not silently replaced); saving it is refused on the field.
  const current = operator ? roleOf(operator, roleCodes) : null;
  const roleChoices = current && !roleCodes.includes(current) ? [...roleCodes, current] : roleCodes;
  const fe = form.formState.errors;
  const { setFocus } = form;
  // A local error that is not the provider's (e.g. the e-mail is already an operator here).
  const appFieldError = (name: string) =>
    failure?.appError?.field === name && !failure.fieldErrors?.[name] ? errors.message(failure) : undefined;
  const fieldError = (name: (typeof EMAIL_FIELDS)[number]) => message(fe[name]?.message, name) ?? appFieldError(name);
  // Move focus to the first field the server refused, so it is seen and announced.
  const firstServerField = Object.keys(failure?.fieldErrors ?? {})[0] ?? failure?.appError?.field;
  useEffect(() => {
    if (firstServerField && (EMAIL_FIELDS as readonly string[]).includes(firstServerField))
      setFocus(firstServerField as keyof TEmailOperatorForm);
  }, [firstServerField, setFocus]);

  const onSubmit = async (values: TEmailOperatorForm) => {
    setFailure(null);
    try {
      const row = operator
        ? await update.mutateAsync({ id: operator.id, version: operator.version, ...values })
        : await create.mutateAsync(values);
      toast.success(operator ? t("saved", { name: row.name }) : t("created", { name: row.name }));
      onSaved();
      onClose();
    } catch (error) {
      setFailure(errorDataOf(error));
    }
  };

  return (
    <Dialog open onClose={onClose} title={operator ? t("editTitle") : t("createTitle")}>
      <form onSubmit={form.handleSubmit((v) => onSubmit(v))} noValidate className="flex flex-col gap-4">
        <GeneralFailure failure={failure} fields={EMAIL_FIELDS} />
        <TextField
          label={t("fieldEmail")}
          type="email"
          autoComplete="off"
          error={fieldError("email")}
          {...form.register("email")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t("fieldFirstName")}
            autoComplete="off"
            error={fieldError("firstName")}
            {...form.register("firstName")}
          />
          <TextField
            label={t("fieldLastName")}
            autoComplete="off"
            error={fieldError("lastName")}
            {...form.register("lastName")}
          />
        </div>
        {capabilities.operatorRoles && (
          <SelectField label={t("fieldRole")} error={fieldError("roleCode")} {...form.register("roleCode")}>
            {roleChoices.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r, t)}
              </option>
            ))}
          </SelectField>
        )}
        <CheckboxField
          label={t("fieldOnlyAssigned")}
          hint={t("onlyAssignedHint")}
          error={fieldError("onlyAssignedConversations")}
          {...form.register("onlyAssignedConversations")}
        />
        <CheckboxField label={t("fieldActive")} error={fieldError("active")} {...form.register("active")} />
        <FormActions onCancel={onClose} busy={create.isPending || update.isPending} />
      </form>
    </Dialog>
  );
}

/** A checkbox with its label, an optional hint and a server/local error announced under it. */
function CheckboxField({
  label,
  hint,
  error,
  ...props
}: React.ComponentProps<"input"> & { label: string; hint?: string; error?: string | undefined }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          className="mt-0.5 size-4 accent-brand-700"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
          {...props}
        />
        {label}
      </label>
      {hint && !error && (
        <p id={`${id}-hint`} className="pl-6 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="pl-6 text-sm text-danger-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** Backends that name operators (PlugChat): departments and login/password where the backend has them. */
function NameOperatorDialog({ operator, departments, capabilities, onClose, onSaved }: DialogProps) {
  const t = useTranslations("team.operators");
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const [name, setName] = useState(operator?.name ?? "");
  const [departmentIds, setDepartmentIds] = useState<string[]>(operator?.departmentIds ?? []);
  const [isAdmin, setIsAdmin] = useState(operator?.isAdmin ?? false);
  const [active, setActive] = useState(operator?.active ?? true);
  const [login, setLogin] = useState(operator?.login ?? "");
  const [password, setPassword] = useState("");
  const [failure, setFailure] = useState<ServerErrorData | null>(null);
  const create = useMutation(trpc.operators.create.mutationOptions());
  const update = useMutation(trpc.operators.update.mutationOptions());

  const fieldError = (field: string) => {
    const key = failure?.fieldErrors?.[field]?.[0];
    if (key) return errors.field(key);
    if (failure?.appError?.field === field) return errors.message(failure);
    return undefined;
  };
  const conflict = failure?.appError?.code === "CONFLICT";
  const general =
    failure && !failure.fieldErrors && !failure.appError?.field
      ? conflict
        ? t("conflict")
        : errors.message(failure)
      : undefined;

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    try {
      if (operator) {
        const row = await update.mutateAsync({
          id: operator.id,
          version: operator.version,
          name,
          isAdmin,
          active,
          ...(capabilities.departments ? { departmentIds } : {}),
          ...(capabilities.operatorLogin ? { login: login.trim() === "" ? null : login.trim() } : {}),
          ...(capabilities.operatorLogin && password ? { password } : {}),
        });
        toast.success(t("saved", { name: row.name }));
      } else {
        const row = await create.mutateAsync({
          name,
          isAdmin,
          departmentIds: capabilities.departments ? departmentIds : [],
          ...(capabilities.operatorLogin && login.trim() ? { login: login.trim() } : {}),
          ...(capabilities.operatorLogin && password ? { password } : {}),
        });
        toast.success(t("created", { name: row.name }));
      }
      onSaved();
      onClose();
    } catch (error) {
      setFailure(errorDataOf(error));
    }
  };

  const toggleDepartment = (id: string) =>
    setDepartmentIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <Dialog open onClose={onClose} title={operator ? t("editTitle") : t("createTitle")}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="flex flex-col gap-4">
        {general && (
          <Alert>
            {general}{" "}
            {conflict && (
              <button type="button" className="font-semibold underline" onClick={() => window.location.reload()}>
                {t("reload")}
              </button>
            )}
          </Alert>
        )}
        <TextField
          label={t("fieldName")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError("name")}
          autoComplete="off"
        />
        {capabilities.departments && (
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">{t("fieldDepartments")}</legend>
            {departments.length === 0 && <p className="mt-1 text-sm text-slate-600">{t("noDepartments")}</p>}
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {departments.map((d) => (
                <label key={d.id} className="flex items-center gap-2 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    checked={departmentIds.includes(d.id)}
                    onChange={() => toggleDepartment(d.id)}
                    className="size-4"
                  />
                  {d.name}
                </label>
              ))}
            </div>
            {fieldError("departmentIds") && (
              <p className="mt-1 text-sm text-danger-700" role="alert">
                {fieldError("departmentIds")}
              </p>
            )}
          </fieldset>
        )}
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={isAdmin}
            onChange={(e) => setIsAdmin(e.target.checked)}
            className="mt-0.5 size-4"
          />
          {t("fieldAdmin")}
        </label>
        {operator && (
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              checked={active}
              onChange={(e) => setActive(e.target.checked)}
              className="mt-0.5 size-4"
            />
            {t("fieldActive")}
          </label>
        )}
        {capabilities.operatorLogin && (
          <>
            <TextField
              label={t("fieldLogin")}
              hint={t("loginHint")}
              value={login}
              onChange={(e) => setLogin(e.target.value)}
              error={fieldError("login")}
              autoComplete="off"
            />
            <PasswordField
              label={t("fieldPassword")}
              hint={operator ? t("passwordHintEdit") : t("passwordHintCreate")}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fieldError("password")}
              autoComplete="new-password"
            />
          </>
        )}
        <FormActions onCancel={onClose} busy={create.isPending || update.isPending} />
      </form>
    </Dialog>
  );
}

/** Cancel and Save, at the foot of both operator forms. */
function FormActions({ onCancel, busy }: { onCancel: () => void; busy: boolean }) {
  const tc = useTranslations("team.common");
  return (
    <div className="mt-2 flex justify-end gap-3">
      <Button type="button" variant="secondary" onClick={onCancel}>
        {tc("cancel")}
      </Button>
      <Button type="submit" busy={busy}>
        {tc("save")}
      </Button>
    </div>
  );
}
