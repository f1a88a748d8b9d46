"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Badge, toneOf } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { RowAction, RowActions, Table } from "@/components/ui/table";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { APP_FIELD_ERROR, useFieldError, useServerErrors } from "@/lib/forms/server-errors";
import { useTRPC } from "@/lib/trpc/react";
import {
  ZDepartmentCreateInput,
  ZDepartmentRenameForm,
  type TDepartmentCreateInput,
  type TDepartmentRenameForm,
} from "@/lib/validation/onboarding";
import type { AppRouter } from "@/server/api/root";

type DepartmentRow = inferRouterOutputs<AppRouter>["departments"]["summary"][number];

export function DepartmentsView({ canManage }: { canManage: boolean }) {
  const t = useTranslations("team.departments");
  const tc = useTranslations("team.common");
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const summaryKey = trpc.departments.summary.queryKey();
  const { data } = useQuery(trpc.departments.summary.queryOptions());
  const fieldError = useFieldError();
  const createForm = useForm<TDepartmentCreateInput>({
    resolver: zodResolver(ZDepartmentCreateInput),
    defaultValues: { name: "" },
  });
  const createErrorsOn = useServerErrors(createForm, ["name"]);
  const [renaming, setRenaming] = useState<DepartmentRow | null>(null);
  const renameForm = useForm<TDepartmentRenameForm>({
    resolver: zodResolver(ZDepartmentRenameForm),
    defaultValues: { name: "" },
  });
  const renameErrorsOn = useServerErrors(renameForm, ["name"]);
  const [deleting, setDeleting] = useState<DepartmentRow | null>(null);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: summaryKey });
    void queryClient.invalidateQueries({ queryKey: trpc.departments.list.queryKey() });
  };
  const say = (error: unknown) => {
    const info = errorDataOf(error);
    return info.appError?.code === "CONFLICT" ? t("conflict") : errors.message(info);
  };

  // Admins see the vendor's current list (the default "Geral" included): mirrored once when the page opens.
  const sync = useMutation(trpc.departments.refresh.mutationOptions({ onSettled: refresh }));
  const synced = useRef(false);
  useEffect(() => {
    if (!canManage || synced.current) return;
    synced.current = true;
    sync.mutate();
  }, [canManage, sync]);
  const onSync = () =>
    sync.mutate(undefined, {
      onSuccess: (res) => (res.stale ? toast.warning(t("stale")) : toast.success(t("refreshed"))),
      onError: (error) => toast.error(say(error)),
    });

  const create = useMutation(trpc.departments.create.mutationOptions());
  const rename = useMutation(trpc.departments.update.mutationOptions());
  const remove = useMutation(trpc.departments.remove.mutationOptions());
  // Optimistic (de)activation with rollback.
  const toggle = useMutation(
    trpc.departments.update.mutationOptions({
      onMutate: async (vars) => {
        await queryClient.cancelQueries({ queryKey: summaryKey });
        const previous = queryClient.getQueryData(summaryKey);
        queryClient.setQueryData(summaryKey, (old) =>
          old?.map((d) => (d.id === vars.id ? { ...d, active: vars.active ?? d.active } : d)),
        );
        return { previous };
      },
      onError: (error, _vars, context) => {
        if (context?.previous) queryClient.setQueryData(summaryKey, context.previous);
        toast.error(say(error));
      },
      onSuccess: (row) =>
        toast.success(row.active ? t("reactivated", { name: row.name }) : t("deactivated", { name: row.name })),
      onSettled: refresh,
    }),
  );

  const onCreate = createForm.handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: (row) => {
        toast.success(t("created", { name: row.name }));
        createForm.reset({ name: "" });
        refresh();
      },
      onError: (error) => {
        const info = errorDataOf(error);
        if (!createErrorsOn(info))
          createForm.setError("name", { type: APP_FIELD_ERROR, message: errors.message(info) });
      },
    }),
  );

  const onRename = renameForm.handleSubmit(({ name }) => {
    if (!renaming) return;
    rename.mutate(
      { id: renaming.id, version: renaming.version, name },
      {
        onSuccess: (row) => {
          toast.success(t("renamed", { name: row.name }));
          setRenaming(null);
          refresh();
        },
        onError: (error) => {
          if (!renameErrorsOn(errorDataOf(error)))
            renameForm.setError("name", { type: APP_FIELD_ERROR, message: say(error) }, { shouldFocus: true });
        },
      },
    );
  });

  return (
    <div className="flex flex-col gap-4">
      {!canManage && <Alert tone="info">{t("readOnly")}</Alert>}
      {canManage && (
        <form
          onSubmit={(e) => void onCreate(e)}
          noValidate
          className="flex flex-col gap-3 rounded-card border border-slate-200 bg-white p-4 shadow-card sm:flex-row sm:items-start"
        >
          <TextField
            className="flex-1"
            label={t("newLabel")}
            error={fieldError(createForm.formState.errors.name)}
            autoComplete="off"
            {...createForm.register("name")}
          />
          <Button type="submit" busy={create.isPending} className="sm:mt-7">
            {t("create")}
          </Button>
          <Button type="button" variant="secondary" busy={sync.isPending} onClick={onSync} className="sm:mt-7">
            {t("refresh")}
          </Button>
        </form>
      )}
      <Table
        caption={t("table")}
        rows={data ?? []}
        rowKey={(d) => d.id}
        rowProps={() => ({ "data-testid": "department-row" })}
        empty={data ? t("empty") : undefined}
        columns={[
          {
            key: "name",
            header: t("name"),
            primary: true,
            cell: (d) => (
              <>
                <span className="font-medium text-slate-900">{d.name}</span>
                {d.isDefault && (
                  <Badge size="sm" className="ml-2">
                    {t("default")}
                  </Badge>
                )}
                {d.isDefault && <p className="mt-1 text-xs text-slate-600">{t("defaultHint")}</p>}
              </>
            ),
          },
          {
            key: "operators",
            header: t("operators"),
            cell: (d) => (
              <>
                {t("operatorCount", { count: d.operatorCount })}
                {d.operatorCount > 0 && (
                  <span className="text-slate-600"> ({t("activeCount", { count: d.activeOperatorCount })})</span>
                )}
              </>
            ),
          },
          {
            key: "state",
            header: t("state"),
            cell: (d) => <Badge tone={toneOf.active(d.active)}>{d.active ? t("active") : t("inactive")}</Badge>,
          },
          canManage && {
            key: "actions",
            header: t("actions"),
            actions: true,
            cell: (d) => (
              <RowActions>
                <RowAction
                  aria-label={t("renameLabel", { name: d.name })}
                  onClick={() => {
                    setRenaming(d);
                    renameForm.reset({ name: d.name });
                  }}
                >
                  {t("rename")}
                </RowAction>
                <RowAction
                  aria-label={
                    d.active ? t("deactivateLabel", { name: d.name }) : t("reactivateLabel", { name: d.name })
                  }
                  onClick={() => toggle.mutate({ id: d.id, version: d.version, active: !d.active })}
                >
                  {d.active ? t("deactivate") : t("reactivate")}
                </RowAction>
                {!d.isDefault && (
                  <RowAction danger aria-label={t("deleteLabel", { name: d.name })} onClick={() => setDeleting(d)}>
                    {t("delete")}
                  </RowAction>
                )}
              </RowActions>
            ),
          },
        ]}
      />
      <Dialog open={renaming !== null} onClose={() => setRenaming(null)} title={t("renameTitle")}>
        <form onSubmit={(e) => void onRename(e)} noValidate className="flex flex-col gap-4">
          <TextField
            label={t("newName")}
            error={fieldError(renameForm.formState.errors.name)}
            autoComplete="off"
            {...renameForm.register("name")}
          />
          <div className="flex justify-end gap-3">
            <Button type="button" variant="secondary" onClick={() => setRenaming(null)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" busy={rename.isPending}>
              {tc("save")}
            </Button>
          </div>
        </form>
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? t("deleteTitle", { name: deleting.name }) : ""}
        body={deleting ? t("deleteBody", { name: deleting.name }) : ""}
        confirmLabel={t("delete")}
        cancelLabel={tc("cancel")}
        busy={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          const target = deleting;
          remove.mutate(
            { id: target.id, version: target.version },
            {
              onSuccess: () => {
                toast.success(t("deleted", { name: target.name }));
                setDeleting(null);
                refresh();
              },
              onError: (error) => {
                setDeleting(null);
                toast.error(say(error));
              },
            },
          );
        }}
      />
    </div>
  );
}
