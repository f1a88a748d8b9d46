"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Badge, toneOf } from "@/components/ui/badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/ui/password-field";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { ZOperatorCreateInput, type TOperatorCreateInput } from "@/lib/validation/onboarding";
import { adminRoleOf, roleLabel } from "@/lib/validation/role-codes";
import { EmailOperatorForm } from "./email-operator-form";
import { OperatorRowActions } from "./operator-row-actions";
import { StepCard } from "./step-card";
import { useWizard } from "./use-wizard";

export function OperatorsStep() {
  const t = useTranslations("onboarding.operators");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useErrorMessage();
  const { data: wizard, goTo, next } = useWizard();
  const [failure, setFailure] = useState<ServerErrorData | null>(null);
  const [useLogin, setUseLogin] = useState(false);
  const caps = wizard.provider.capabilities;
  const ops = useQuery(trpc.operators.list.queryOptions());
  const depts = useQuery({ ...trpc.departments.list.queryOptions(), enabled: caps.departments });
  const invalidate = () => queryClient.invalidateQueries(trpc.operators.list.queryFilter());
  const onError = (err: unknown) => {
    setFailure(errorDataOf(err));
    void invalidate();
  };
  const form = useForm<TOperatorCreateInput>({
    resolver: zodResolver(ZOperatorCreateInput),
    defaultValues: { name: "", departmentIds: [], isAdmin: false, login: "", password: "" },
  });
  const create = useMutation(
    trpc.operators.create.mutationOptions({ onMutate: () => setFailure(null), onSuccess: () => invalidate(), onError }),
  );
  const complete = useMutation(
    trpc.onboarding.completeStep.mutationOptions({ onSuccess: () => goTo(next("operators")), onError }),
  );

  const operators = ops.data?.items ?? [];
  const departments = (depts.data?.items ?? []).filter((d) => d.state === "synced");
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  const meIsOperator = operators.some((o) => o.userId === wizard.me.id);
  const [meFirst = wizard.me.name, ...meRest] = wizard.me.name.trim().split(/\s+/);
  const addMe = () =>
    caps.operatorEmail
      ? create.mutate({
          email: wizard.me.email,
          firstName: meFirst,
          lastName: meRest.join(" ") || meFirst,
          roleCode: adminRoleOf(wizard.provider.roleCodes),
          onlyAssignedConversations: false,
          active: true,
          linkToMe: true,
        })
      : create.mutate({
          name: wizard.me.name,
          isAdmin: true,
          departmentIds: departments.filter((d) => d.active).map((d) => d.id),
          linkToMe: true,
        });
  const fe = form.formState.errors;
  const roleOf = (o: { isAdmin: boolean; roleCode: string | null }) =>
    o.roleCode ? roleLabel(o.roleCode, t) : o.isAdmin ? t("admin") : t("agent");

  return (
    <StepCard heading={t("heading")} intro={caps.operatorEmail ? t("introEmail") : t("intro")}>
      {failure && <Alert>{errors.message(failure)}</Alert>}
      {!meIsOperator && wizard.canEdit && ops.isSuccess && (
        <div className="flex flex-col gap-3 rounded-lg bg-brand-50 p-4 ring-1 ring-brand-200">
          <h3 className="font-semibold text-brand-800">{t("meTitle")}</h3>
          <p className="text-sm text-slate-800">
            {caps.operatorEmail
              ? t("meBodyEmail", { name: wizard.me.name, email: wizard.me.email })
              : t("meBody", { name: wizard.me.name })}
          </p>
          <div>
            <Button
              type="button"
              busy={create.isPending && create.variables?.linkToMe === true}
              disabled={caps.departments && !depts.isSuccess}
              onClick={addMe}
            >
              {t("meAdd")}
            </Button>
          </div>
        </div>
      )}
      <section aria-labelledby="operators-list">
        <h3 id="operators-list" className="mb-2 text-sm font-semibold text-slate-800">
          {t("listLabel")}
        </h3>
        {operators.length === 0 ? (
          <p className="text-sm text-slate-700">{t("none")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" data-testid="operators">
            {operators.map((o) => (
              <li key={o.id} className="flex flex-col gap-1 px-4 py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-slate-900">{o.name}</span>
                  {o.userId === wizard.me.id && (
                    <Badge tone="brand" size="sm">
                      {t("you")}
                    </Badge>
                  )}
                  <Badge size="sm">{roleOf(o)}</Badge>
                  {o.onlyAssignedConversations && <Badge size="sm">{t("onlyAssignedBadge")}</Badge>}
                  {!o.active && (
                    <Badge tone={toneOf.active(o.active)} size="sm">
                      {t("inactive")}
                    </Badge>
                  )}
                  {o.state !== "synced" && (
                    <Badge tone={toneOf.provisioning(o.state)} size="sm">
                      {t(`state.${o.state}`)}
                    </Badge>
                  )}
                </div>
                {o.email && <p className="text-xs text-slate-700">{o.email}</p>}
                {caps.departments && (
                  <p className="text-xs text-slate-700">
                    {o.departmentIds.map((id) => deptName.get(id) ?? "—").join(", ")}
                  </p>
                )}
                {wizard.canEdit && (
                  <OperatorRowActions
                    operator={o}
                    emailEditable={caps.operatorEmail}
                    onChanged={() => {
                      setFailure(null);
                      void invalidate();
                    }}
                    onError={(e) => {
                      setFailure(e);
                      void invalidate();
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {wizard.canEdit && caps.operatorEmail && (
        <EmailOperatorForm
          roleCodes={wizard.provider.roleCodes}
          busy={create.isPending && create.variables?.linkToMe !== true}
          failure={failure}
          onSubmit={(v, reset) => create.mutate(v, { onSuccess: reset })}
        />
      )}
      {wizard.canEdit && !caps.operatorEmail && (
        <form
          noValidate
          className="flex flex-col gap-4 rounded-lg p-4 ring-1 ring-slate-200"
          aria-labelledby="add-operator"
          onSubmit={form.handleSubmit((v) =>
            create.mutate(
              { ...v, login: useLogin ? v.login : undefined, password: useLogin ? v.password : undefined },
              { onSuccess: () => form.reset({ name: "", departmentIds: [], isAdmin: false, login: "", password: "" }) },
            ),
          )}
        >
          <h3 id="add-operator" className="font-semibold text-slate-900">
            {t("addTitle")}
          </h3>
          <TextField label={t("name")} error={errors.field(fe.name?.message)} {...form.register("name")} />
          {caps.departments && (
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm font-medium text-slate-800">{t("departments")}</legend>
              <div className="flex flex-wrap gap-x-4 gap-y-2">
                {departments.map((d) => (
                  <label key={d.id} className="flex items-center gap-2 text-sm text-slate-800">
                    <input
                      type="checkbox"
                      value={d.id}
                      className="size-4 accent-brand-700"
                      {...form.register("departmentIds")}
                    />
                    {d.name}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" className="size-4 accent-brand-700" {...form.register("isAdmin")} />
            {t("isAdmin")}
          </label>
          {caps.operatorLogin && (
            <div className="flex flex-col gap-1">
              <label className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  className="size-4 accent-brand-700"
                  checked={useLogin}
                  onChange={(e) => setUseLogin(e.target.checked)}
                />
                {t("useLogin")}
              </label>
              <p className="text-xs text-slate-700">{t("useLoginHint")}</p>
            </div>
          )}
          {caps.operatorLogin && useLogin && (
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                label={t("login")}
                autoComplete="off"
                error={errors.field(fe.login?.message)}
                {...form.register("login")}
              />
              <PasswordField
                label={t("password")}
                autoComplete="new-password"
                hint={t("passwordHint")}
                error={errors.field(fe.password?.message)}
                {...form.register("password")}
              />
            </div>
          )}
          <div>
            <Button type="submit" variant="secondary" busy={create.isPending && create.variables?.linkToMe !== true}>
              {t("add")}
            </Button>
          </div>
        </form>
      )}
      <div className="flex flex-col gap-2">
        {operators.length === 0 && <p className="text-sm text-slate-700">{t("needOne")}</p>}
        <div>
          <Button
            type="button"
            busy={complete.isPending}
            disabled={!wizard.canEdit || !operators.some((o) => o.state === "synced")}
            onClick={() => complete.mutate({ step: "operators" })}
          >
            {t("continue")}
          </Button>
        </div>
      </div>
    </StepCard>
  );
}
