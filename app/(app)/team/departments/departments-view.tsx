"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Badge, toneOf } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { LazyBoundary, lazyWithPreload, preloadOn } from "@/components/ui/lazy";
import { RowAction, RowActions, Table } from "@/components/ui/table";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import type { AppRouter } from "@/server/api/root";

type DepartmentRow = inferRouterOutputs<AppRouter>["departments"]["summary"][number];

import type { TeamAccess } from "../access";

const DepartmentForm = lazyWithPreload(() => import("./department-form"));

export function DepartmentsView({ access: { canManage, member } }: { access: TeamAccess }) {
  const t = useTranslations("team.departments");
  const tc = useTranslations("team.common");
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const summaryKey = trpc.departments.summary.queryKey();
  const { data } = useQuery(trpc.departments.summary.queryOptions());
  // The name dialog: "new" creates a department, a row renames it.
  const [editing, setEditing] = useState<DepartmentRow | "new" | null>(null);
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

  return (
    <div className="flex flex-col gap-4">
      {member && <Alert tone="info">{t("readOnly")}</Alert>}
      {canManage && (
        <div className="flex flex-wrap gap-3">
          <Button type="button" onClick={() => setEditing("new")} {...preloadOn(DepartmentForm)}>
            {t("new")}
          </Button>
          <Button type="button" variant="secondary" busy={sync.isPending} onClick={onSync}>
            {t("refresh")}
          </Button>
        </div>
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
                <RowAction context={d.name} onClick={() => setEditing(d)} {...preloadOn(DepartmentForm)}>
                  {t("rename")}
                </RowAction>
                <RowAction
                  context={d.name}
                  onClick={() => toggle.mutate({ id: d.id, version: d.version, active: !d.active })}
                >
                  {d.active ? t("deactivate") : t("reactivate")}
                </RowAction>
                {!d.isDefault && (
                  <RowAction danger context={d.name} onClick={() => setDeleting(d)}>
                    {t("delete")}
                  </RowAction>
                )}
              </RowActions>
            ),
          },
        ]}
      />
      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? t("createTitle") : t("renameTitle")}
      >
        <LazyBoundary>
          <DepartmentForm
            department={editing === "new" ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              refresh();
            }}
          />
        </LazyBoundary>
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
