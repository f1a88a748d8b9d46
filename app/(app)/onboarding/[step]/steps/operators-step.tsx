"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { OperatorForm } from "@/components/operators/operator-form";
import { Badge, toneOf } from "@/components/ui/badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorDataOf, useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { adminRoleOf, roleLabel } from "@/lib/role-codes";
import { refetchWhileSettling } from "@/lib/operators/settling";
import { OperatorRowActions } from "./operator-row-actions";
import { StepCard } from "./step-card";
import { useWizard } from "./use-wizard";

export function OperatorsStep() {
  const t = useTranslations("onboarding.operators");
  const tOperators = useTranslations("team.operators");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useErrorMessage();
  const { data: wizard, goTo, next } = useWizard();
  const [failure, setFailure] = useState<ServerErrorData | null>(null);
  const caps = wizard.provider.capabilities;
  // A row still being created (e.g. when the page was reloaded mid-create) is read again until it settles.
  const ops = useQuery({
    ...trpc.operators.list.queryOptions(),
    refetchInterval: (query) => refetchWhileSettling(query.state.data?.items),
  });
  const depts = useQuery({ ...trpc.departments.list.queryOptions(), enabled: caps.departments });
  const invalidate = () => queryClient.invalidateQueries(trpc.operators.list.queryFilter());
  const onError = (err: unknown) => {
    setFailure(errorDataOf(err));
    void invalidate();
  };
  const create = useMutation(trpc.operators.create.mutationOptions({ onSettled: () => invalidate() }));
  const complete = useMutation(
    trpc.onboarding.completeStep.mutationOptions({ onSuccess: () => goTo(next("operators")), onError }),
  );

  const operators = ops.data?.items ?? [];
  const departments = (depts.data?.items ?? []).filter((d) => d.state === "synced");
  const deptName = new Map(
    departments.map((d) => [d.id, d.active ? d.name : tOperators("departmentInactive", { name: d.name })]),
  );
  const meIsOperator = operators.some((o) => o.userId === wizard.me.id);
  const [meFirst = wizard.me.name, ...meRest] = wizard.me.name.trim().split(/\s+/);
  const addMe = () => {
    setFailure(null);
    const onAddError = { onError };
    return caps.operatorEmail
      ? create.mutate(
          {
            email: wizard.me.email,
            firstName: meFirst,
            lastName: meRest.join(" ") || meFirst,
            roleCode: adminRoleOf(wizard.provider.roleCodes),
            onlyAssignedConversations: false,
            active: true,
            linkToMe: true,
          },
          onAddError,
        )
      : create.mutate(
          {
            name: wizard.me.name,
            isAdmin: true,
            departmentIds: departments.filter((d) => d.active).map((d) => d.id),
            linkToMe: true,
          },
          onAddError,
        );
  };
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
      {wizard.canEdit && (
        <OperatorForm
          className="flex flex-col gap-4 rounded-lg p-4 ring-1 ring-slate-200"
          heading={t("addTitle")}
          headingId="add-operator"
          capabilities={caps}
          roleCodes={wizard.provider.roleCodes}
          departments={departments}
          anywayLabel={t("addAnyway")}
          onCreate={async (input) => {
            setFailure(null);
            await create.mutateAsync(input);
          }}
          submitLabel={t("add")}
        />
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
