"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { Badge, toneOf } from "@/components/ui/badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { nameKey } from "@/lib/names";
import { SUGGESTED_DEPARTMENTS } from "@/lib/onboarding/steps";
import { errorDataOf, useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { useFieldError, useServerErrors } from "@/lib/forms/server-errors";
import type { TDepartmentCreateInput, TDepartmentRenameForm } from "@/lib/validation/onboarding";
import { StepCard } from "./step-card";
import { useWizard } from "./use-wizard";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";

const departmentCreateInputResolver = lazyZodResolver<TDepartmentCreateInput>(() =>
  import("@/lib/validation/onboarding").then((m) => m.ZDepartmentCreateInput),
);
const departmentRenameFormResolver = lazyZodResolver<TDepartmentRenameForm>(() =>
  import("@/lib/validation/onboarding").then((m) => m.ZDepartmentRenameForm),
);

interface Dept {
  id: string;
  name: string;
  active: boolean;
  isDefault: boolean;
  state: "pending" | "synced" | "failed" | "uncertain";
  version: number;
}

export function DepartmentsStep() {
  const t = useTranslations("onboarding.departments");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useErrorMessage();
  const { data: wizard, goTo, next } = useWizard();
  const [failure, setFailure] = useState<ServerErrorData | null>(null);
  const list = useQuery(trpc.departments.list.queryOptions());
  const invalidate = () => queryClient.invalidateQueries(trpc.departments.list.queryFilter());
  // Mirror the vendor's departments ("Geral" included) once when the step opens. The list read
  // that started with the page is cancelled first: answering later, it would put back the list
  // from before the mirror (empty for a new account).
  const refresh = useMutation(
    trpc.departments.refresh.mutationOptions({
      onSuccess: async (data) => {
        await queryClient.cancelQueries(trpc.departments.list.queryFilter());
        queryClient.setQueryData(trpc.departments.list.queryKey(), data);
      },
    }),
  );
  const { mutate: refreshFromVendor } = refresh;
  useEffect(() => refreshFromVendor(), [refreshFromVendor]);
  const onError = (err: unknown) => {
    setFailure(errorDataOf(err));
    void invalidate();
  };
  // A refusal that names a field (NAME_TAKEN) goes next to it; the rest above the step.
  const onErrorOr = (putOnField: (data: ServerErrorData) => boolean) => (err: unknown) => {
    if (putOnField(errorDataOf(err))) void invalidate();
    else onError(err);
  };
  const create = useMutation(
    trpc.departments.create.mutationOptions({
      onMutate: () => setFailure(null),
      onSuccess: () => invalidate(),
    }),
  );
  const update = useMutation(
    trpc.departments.update.mutationOptions({
      onMutate: () => setFailure(null),
      onSuccess: () => invalidate(),
    }),
  );
  const complete = useMutation(
    trpc.onboarding.completeStep.mutationOptions({ onSuccess: () => goTo(next("departments")), onError }),
  );
  const form = useForm<TDepartmentCreateInput>({
    resolver: departmentCreateInputResolver,
    defaultValues: { name: "" },
  });
  const putOnName = useServerErrors(form, ["name"]);

  const items: Dept[] = list.data?.items ?? [];
  const loading = list.isPending || (refresh.isPending && items.length === 0);
  const existing = new Set(items.map((d) => nameKey(d.name)));
  const suggestions = SUGGESTED_DEPARTMENTS.filter((s) => !existing.has(nameKey(s)));
  const fieldError = useFieldError();

  return (
    <StepCard heading={t("heading")} intro={t("intro")}>
      {failure && <Alert>{errors.message(failure)}</Alert>}
      {list.data?.stale && <Alert tone="warning">{t("stale")}</Alert>}
      {list.isError && <Alert>{errors.message(errorDataOf(list.error))}</Alert>}
      <section aria-labelledby="departments-list">
        <h3 id="departments-list" className="mb-2 text-sm font-semibold text-slate-800">
          {t("listLabel")}
        </h3>
        {loading ? (
          <p className="text-sm text-slate-700">…</p>
        ) : items.length === 0 ? (
          <p className="text-sm text-slate-700">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" data-testid="departments">
            {items.map((d) => (
              <DepartmentRow
                key={d.id}
                dept={d}
                disabled={!wizard.canEdit}
                busy={update.isPending && update.variables?.id === d.id}
                onToggle={() => update.mutate({ id: d.id, version: d.version, active: !d.active }, { onError })}
                onRename={(name, done) =>
                  update.mutate(
                    { id: d.id, version: d.version, name },
                    { onSuccess: done.saved, onError: onErrorOr(done.putOnName) },
                  )
                }
              />
            ))}
          </ul>
        )}
      </section>
      {wizard.canEdit && (
        <>
          {suggestions.length > 0 && (
            <div>
              <p className="mb-2 text-sm font-medium text-slate-800">{t("suggestions")}</p>
              <div className="flex flex-wrap gap-2">
                {suggestions.map((s) => (
                  <Button
                    key={s}
                    type="button"
                    variant="secondary"
                    busy={create.isPending && create.variables?.name === s}
                    onClick={() => create.mutate({ name: s }, { onError })}
                  >
                    {t("suggest", { name: s })}
                  </Button>
                ))}
              </div>
            </div>
          )}
          <form
            noValidate
            className="flex flex-col gap-2 sm:flex-row sm:items-end"
            onSubmit={form.handleSubmit((v) =>
              create.mutate(v, { onSuccess: () => form.reset({ name: "" }), onError: onErrorOr(putOnName) }),
            )}
          >
            <TextField
              className="flex-1"
              label={t("addField")}
              error={fieldError(form.formState.errors.name)}
              {...form.register("name")}
            />
            <Button
              type="submit"
              variant="secondary"
              busy={create.isPending && !SUGGESTED_DEPARTMENTS.some((s) => s === create.variables?.name)}
            >
              {t("add")}
            </Button>
          </form>
        </>
      )}
      <div>
        <Button
          type="button"
          busy={complete.isPending}
          disabled={!wizard.canEdit}
          onClick={() => complete.mutate({ step: "departments" })}
        >
          {t("continue")}
        </Button>
      </div>
    </StepCard>
  );
}

function DepartmentRow({
  dept,
  disabled,
  busy,
  onToggle,
  onRename,
}: {
  dept: Dept;
  disabled: boolean;
  busy: boolean;
  onToggle: () => void;
  /** Renames; `saved` closes the field, `putOnName` puts a refusal naming the field next to it. */
  onRename: (name: string, done: { saved: () => void; putOnName: (data: ServerErrorData) => boolean }) => void;
}) {
  const t = useTranslations("onboarding.departments");
  const fieldError = useFieldError();
  const [editing, setEditing] = useState(false);
  const form = useForm<TDepartmentRenameForm>({
    resolver: departmentRenameFormResolver,
    defaultValues: { name: dept.name },
  });
  const putOnName = useServerErrors(form, ["name"]);
  return (
    <li className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
      {editing ? (
        <form
          noValidate
          className="flex flex-1 flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={form.handleSubmit(({ name }) => {
            onRename(name, { saved: () => setEditing(false), putOnName });
          })}
        >
          <TextField
            className="flex-1"
            label={t("renameField", { name: dept.name })}
            error={fieldError(form.formState.errors.name)}
            {...form.register("name")}
          />
          <Button type="submit">{t("save")}</Button>
          <Button type="button" variant="ghost" onClick={() => setEditing(false)}>
            {t("cancel")}
          </Button>
        </form>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-slate-900">{dept.name}</span>
            {dept.isDefault && <Badge size="sm">{t("default")}</Badge>}
            <Badge tone={toneOf.active(dept.active)} size="sm">
              {dept.active ? t("active") : t("inactive")}
            </Badge>
            {dept.state !== "synced" && (
              <Badge tone={toneOf.provisioning(dept.state)} size="sm">
                {t(`state.${dept.state}`)}
              </Badge>
            )}
          </div>
          {!disabled && dept.state === "synced" && (
            <div className="flex gap-2">
              <Button
                type="button"
                variant="ghost"
                aria-label={t("rename", { name: dept.name })}
                onClick={() => {
                  form.reset({ name: dept.name });
                  setEditing(true);
                }}
              >
                {t("rename", { name: "" }).trim()}
              </Button>
              <Button
                type="button"
                variant="ghost"
                busy={busy}
                onClick={onToggle}
                aria-label={dept.active ? t("deactivate", { name: dept.name }) : t("activate", { name: dept.name })}
              >
                {(dept.active ? t("deactivate", { name: "" }) : t("activate", { name: "" })).trim()}
              </Button>
            </div>
          )}
        </>
      )}
    </li>
  );
}
