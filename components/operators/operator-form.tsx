"use client";
/**
 * The one operator form, shared by the onboarding wizard (add) and the team's operator dialog
 * (create / edit). Its fields follow the provider's capabilities: on a backend with
 * `operatorEmail` (CDP) e-mail, first and last name, role (`operatorRoles`), "only assigned
 * conversations" and enabled; otherwise the name, departments (`departments`), admin, active
 * (edit) and the optional chat login/password (`operatorLogin`). The server's refusals land on
 * their fields (the provider's per-field `fieldErrors` included); the rest shows above the form.
 */
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Controller, useForm, type Path } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, CheckboxGroup } from "@/components/ui/checkbox";
import { ConfirmDialog } from "@/components/ui/dialog";
import { PasswordField } from "@/components/ui/password-field";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";
import { useFieldError, useServerErrors } from "@/lib/forms/server-errors";
import type { TAnyOperatorCreateInput } from "@/lib/validation/onboarding";
import { nameCreateInput, namePatch, receivesNoChats, type TOperatorPatch } from "@/lib/operators/form-values";
import { departmentChoices, type DepartmentChoiceSource } from "@/lib/operators/department-choices";
import type { TEmailOperatorForm, TNameOperatorForm } from "@/lib/validation/operator-form";
import { defaultRoleOf, roleFor, roleLabel } from "@/lib/role-codes";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";

const emailOperatorFormResolver = lazyZodResolver<TEmailOperatorForm>(() =>
  import("@/lib/validation/operator-form").then((m) => m.ZEmailOperatorForm),
);
const nameOperatorFormResolver = lazyZodResolver<TNameOperatorForm>(() =>
  import("@/lib/validation/operator-form").then((m) => m.ZNameOperatorForm),
);

/** What the backend can do with operators (`provider.capabilities`). */
export interface OperatorFormCapabilities {
  operatorEmail: boolean;
  operatorRoles: boolean;
  departments: boolean;
  operatorLogin: boolean;
}

/** The operator being edited, as listed. */
export interface OperatorFormRow {
  name: string;
  isAdmin: boolean;
  active: boolean;
  departmentIds: string[];
  login: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  roleCode: string | null;
  onlyAssignedConversations: boolean | null;
}

export interface OperatorFormProps {
  capabilities: OperatorFormCapabilities;
  /** The backend's role codes (`provider.roleCodes`, CDP_ROLE_CODES). */
  roleCodes: readonly string[];
  /** The organization's departments (synced); inactive ones are offered only where the operator already is. */
  departments: readonly DepartmentChoiceSource[];
  /** Set: edit this operator (`onUpdate`); unset: create one (`onCreate`), then the form empties. */
  operator?: OperatorFormRow | null;
  onCreate?: (input: TAnyOperatorCreateInput) => Promise<unknown>;
  onUpdate?: (patch: TOperatorPatch) => Promise<unknown>;
  /** A heading above the fields (also the form's accessible name). */
  heading?: string;
  headingId?: string;
  submitLabel: string;
  /** The confirm button of "Este operador não receberá atendimentos" (default "Salvar mesmo assim"). */
  anywayLabel?: string;
  /** Shown as a Cancel button beside submit (dialogs). */
  onCancel?: () => void;
  cancelLabel?: string;
  className?: string;
}

/** Create or edit an operator: the e-mail form (operatorEmail) or the name form. */
export function OperatorForm(props: OperatorFormProps) {
  return props.capabilities.operatorEmail ? <EmailOperatorFields {...props} /> : <NameOperatorFields {...props} />;
}

/** The team page's dialog loads the form lazily (lazyWithPreload takes a default export). */
export default OperatorForm;

/** Submits through onCreate/onUpdate; a failure goes on its fields, else above the form. */
function useSubmit<T extends Record<string, unknown>>(
  props: OperatorFormProps,
  form: ReturnType<typeof useForm<T>>,
  fields: readonly Path<T>[],
  empty: T,
) {
  const [failure, setFailure] = useState<ServerErrorData | null>(null);
  const putOnFields = useServerErrors(form, fields);
  const run = async (call: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await call();
      if (!props.operator) form.reset(empty);
    } catch (error) {
      const data = errorDataOf(error);
      if (!putOnFields(data)) setFailure(data);
    }
  };
  return { failure, run };
}

/** A failure that belongs to no field: above the form (a conflict offers a reload). */
function GeneralFailure({ failure }: { failure: ServerErrorData | null }) {
  const t = useTranslations("team.operators");
  const errors = useErrorMessage();
  if (!failure) return null;
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

/** The form element, its heading, the general failure and the actions around the fields. */
function FormFrame({
  props,
  failure,
  busy,
  onSubmit,
  children,
}: {
  props: OperatorFormProps;
  failure: ServerErrorData | null;
  busy: boolean;
  onSubmit: React.FormEventHandler<HTMLFormElement>;
  children: React.ReactNode;
}) {
  const { heading, headingId, submitLabel, onCancel, cancelLabel, className } = props;
  return (
    <form
      noValidate
      className={className ?? "flex flex-col gap-4"}
      aria-labelledby={heading ? headingId : undefined}
      onSubmit={onSubmit}
    >
      {heading && (
        <h3 id={headingId} className="font-semibold text-slate-900">
          {heading}
        </h3>
      )}
      <GeneralFailure failure={failure} />
      {children}
      {onCancel ? (
        <div className="mt-2 flex justify-end gap-3">
          <Button type="button" variant="secondary" onClick={onCancel}>
            {cancelLabel}
          </Button>
          <Button type="submit" busy={busy}>
            {submitLabel}
          </Button>
        </div>
      ) : (
        <div>
          <Button type="submit" variant="secondary" busy={busy}>
            {submitLabel}
          </Button>
        </div>
      )}
    </form>
  );
}

const EMAIL_FIELDS = ["email", "firstName", "lastName", "roleCode", "onlyAssignedConversations", "active"] as const;

function emailDefaults(o: OperatorFormRow | null | undefined, roleCodes: readonly string[]): TEmailOperatorForm {
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
    roleCode: o.roleCode ?? roleFor(o.isAdmin, roleCodes),
    onlyAssignedConversations: o.onlyAssignedConversations ?? false,
    active: o.active,
  };
}

/** Backends with `operatorEmail` (CDP). */
function EmailOperatorFields(props: OperatorFormProps) {
  const { operator, capabilities, roleCodes, onCreate, onUpdate } = props;
  const t = useTranslations("team.operators");
  const fieldError = useFieldError();
  const defaults = emailDefaults(operator, roleCodes);
  const form = useForm<TEmailOperatorForm>({ resolver: emailOperatorFormResolver, defaultValues: defaults });
  const { failure, run } = useSubmit(props, form, EMAIL_FIELDS, emailDefaults(null, roleCodes));
  // A code no longer configured stays visible (not silently replaced); saving it is refused on the field.
  const roleChoices = roleCodes.includes(defaults.roleCode) ? roleCodes : [...roleCodes, defaults.roleCode];
  const fe = form.formState.errors;
  const onSubmit = form.handleSubmit((v) => run(() => (operator ? onUpdate!(v) : onCreate!(v))));
  return (
    <FormFrame props={props} failure={failure} busy={form.formState.isSubmitting} onSubmit={(e) => void onSubmit(e)}>
      <TextField
        label={t("fieldEmail")}
        type="email"
        autoComplete="off"
        error={fieldError(fe.email)}
        {...form.register("email")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("fieldFirstName")}
          autoComplete="off"
          error={fieldError(fe.firstName)}
          {...form.register("firstName")}
        />
        <TextField
          label={t("fieldLastName")}
          autoComplete="off"
          error={fieldError(fe.lastName)}
          {...form.register("lastName")}
        />
      </div>
      {capabilities.operatorRoles && roleChoices.length > 0 && (
        <SelectField label={t("fieldRole")} error={fieldError(fe.roleCode)} {...form.register("roleCode")}>
          {roleChoices.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r, t)}
            </option>
          ))}
        </SelectField>
      )}
      <Checkbox
        label={t("fieldOnlyAssigned")}
        hint={t("onlyAssignedHint")}
        error={fieldError(fe.onlyAssignedConversations)}
        {...form.register("onlyAssignedConversations")}
      />
      <Checkbox label={t("fieldActive")} error={fieldError(fe.active)} {...form.register("active")} />
    </FormFrame>
  );
}

const NAME_FIELDS = ["name", "departmentIds", "isAdmin", "active", "login", "password"] as const;

function nameDefaults(o: OperatorFormRow | null | undefined): TNameOperatorForm {
  return {
    name: o?.name ?? "",
    departmentIds: o?.departmentIds ?? [],
    isAdmin: o?.isAdmin ?? false,
    active: o?.active ?? true,
    login: o?.login ?? "",
    password: "",
  };
}

/** Backends that name operators (PlugChat): departments and login/password where the backend has them. */
function NameOperatorFields(props: OperatorFormProps) {
  const { operator, capabilities, departments, onCreate, onUpdate, anywayLabel } = props;
  const t = useTranslations("team.operators");
  const fieldError = useFieldError();
  const form = useForm<TNameOperatorForm>({
    resolver: nameOperatorFormResolver,
    defaultValues: nameDefaults(operator),
  });
  const { failure, run } = useSubmit(props, form, NAME_FIELDS, nameDefaults(null));
  const fe = form.formState.errors;
  const save = (v: TNameOperatorForm) =>
    run(() => (operator ? onUpdate!(namePatch(v, capabilities)) : onCreate!(nameCreateInput(v, capabilities))));
  // Saving an active operator with no department asks first (it would receive no chats).
  const [unrouted, setUnrouted] = useState<TNameOperatorForm | null>(null);
  const [savingUnrouted, setSavingUnrouted] = useState(false);
  // "Escolher departamentos": once the question has closed (and given focus back), the first department takes it.
  const backToDepartments = useRef(false);
  const departmentsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (unrouted || !backToDepartments.current) return;
    backToDepartments.current = false;
    departmentsRef.current?.querySelector("input")?.focus();
  }, [unrouted]);
  const onSubmit = form.handleSubmit((v) => (receivesNoChats(v, capabilities) ? setUnrouted(v) : save(v)));
  const saveUnrouted = async () => {
    const v = unrouted;
    setUnrouted(null);
    if (!v) return;
    setSavingUnrouted(true);
    try {
      await save(v);
    } finally {
      setSavingUnrouted(false);
    }
  };
  const choices = departmentChoices(departments, operator?.departmentIds);
  return (
    <FormFrame
      props={props}
      failure={failure}
      busy={form.formState.isSubmitting || savingUnrouted}
      onSubmit={(e) => void onSubmit(e)}
    >
      <TextField label={t("fieldName")} autoComplete="off" error={fieldError(fe.name)} {...form.register("name")} />
      {capabilities.departments && (
        <div ref={departmentsRef}>
          <Controller
            control={form.control}
            name="departmentIds"
            render={({ field }) => (
              <CheckboxGroup
                legend={t("fieldDepartments")}
                empty={t("noDepartments")}
                options={choices.map((d) => ({
                  value: d.id,
                  label: d.inactive ? t("departmentInactive", { name: d.name }) : d.name,
                }))}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldError(fe.departmentIds)}
              />
            )}
          />
        </div>
      )}
      <Checkbox label={t("fieldAdmin")} error={fieldError(fe.isAdmin)} {...form.register("isAdmin")} />
      {operator && <Checkbox label={t("fieldActive")} error={fieldError(fe.active)} {...form.register("active")} />}
      {capabilities.operatorLogin && (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t("fieldLogin")}
            hint={t("loginHint")}
            autoComplete="off"
            error={fieldError(fe.login)}
            {...form.register("login")}
          />
          <PasswordField
            label={t("fieldPassword")}
            hint={operator ? t("passwordHintEdit") : t("passwordHintCreate")}
            autoComplete="new-password"
            error={fieldError(fe.password)}
            {...form.register("password")}
          />
        </div>
      )}
      <ConfirmDialog
        open={unrouted !== null}
        tone="primary"
        title={t("noDepartmentTitle")}
        body={t("noDepartmentBody")}
        confirmLabel={anywayLabel ?? t("saveAnyway")}
        cancelLabel={t("noDepartmentChoose")}
        onConfirm={() => void saveUnrouted()}
        onClose={() => {
          // Also called by the native close that follows "Salvar mesmo assim": only a real "back" refocuses.
          if (!unrouted) return;
          backToDepartments.current = true;
          setUnrouted(null);
        }}
      />
    </FormFrame>
  );
}
