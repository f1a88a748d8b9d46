"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Badge, toneOf } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { preloadOn } from "@/components/ui/lazy";
import { SelectField } from "@/components/ui/select-field";
import { RowAction, RowActions, Table } from "@/components/ui/table";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import type { TAssignableRole } from "@/lib/validation/team";
import type { AppRouter } from "@/server/api/root";
import { LinkOperatorDialog, LinkOperatorForm } from "./link-operator-dialog";

type MembersData = inferRouterOutputs<AppRouter>["members"]["list"];
type Member = MembersData["members"][number];
type Pending = { kind: "remove" | "transfer" | "leave"; member: Member } | null;

export function MembersTable({ data, onChanged }: { data: MembersData; onChanged: () => void }) {
  const t = useTranslations("team.members");
  const tr = useTranslations("team.roles");
  const tc = useTranslations("team.common");
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [confirm, setConfirm] = useState<Pending>(null);
  const [linking, setLinking] = useState<Member | null>(null);

  const canManage = data.canManage;
  const isOwner = data.myRole === "owner";
  const ownerCount = data.members.filter((m) => m.role === "owner").length;
  const soleOwner = isOwner && ownerCount === 1;
  const canEditRole = (m: Member) =>
    canManage && (isOwner || m.role !== "owner") && !(m.membershipId === data.myMembershipId && soleOwner);
  const toastError = (error: unknown) => toast.error(errors.message(errorDataOf(error)));

  const membersKey = trpc.members.list.queryKey();
  // Optimistic role change: the select shows the new role at once; a refusal puts the old one back.
  const changeRole = useMutation(
    trpc.members.changeRole.mutationOptions({
      onMutate: async (input) => {
        await queryClient.cancelQueries({ queryKey: membersKey });
        const previous = queryClient.getQueryData(membersKey);
        queryClient.setQueryData(membersKey, (old) =>
          old
            ? {
                ...old,
                members: old.members.map((m) =>
                  m.membershipId === input.membershipId ? { ...m, role: input.role } : m,
                ),
              }
            : old,
        );
        return { previous };
      },
      onError: (error, _input, context) => {
        if (context?.previous) queryClient.setQueryData(membersKey, context.previous);
        toastError(error);
      },
      onSuccess: (_res, input) => {
        const m = data.members.find((x) => x.membershipId === input.membershipId);
        toast.success(t("roleChanged", { name: m?.name ?? "", role: tr(input.role) }));
      },
      onSettled: onChanged,
    }),
  );
  const remove = useMutation(trpc.members.removeMember.mutationOptions());
  const transfer = useMutation(trpc.members.transferOwnership.mutationOptions());
  const leave = useMutation(trpc.members.leave.mutationOptions());

  const runConfirm = () => {
    if (!confirm) return;
    const { kind, member } = confirm;
    const done = (message: string) => () => {
      toast.success(message);
      setConfirm(null);
      onChanged();
    };
    const fail = (error: unknown) => {
      setConfirm(null);
      toastError(error);
    };
    if (kind === "remove")
      remove.mutate(
        { membershipId: member.membershipId },
        { onSuccess: done(t("removed", { name: member.name })), onError: fail },
      );
    if (kind === "transfer")
      transfer.mutate(
        { membershipId: member.membershipId },
        { onSuccess: done(t("transferred", { name: member.name })), onError: fail },
      );
    if (kind === "leave")
      leave.mutate(undefined, {
        onSuccess: () => {
          router.replace("/");
          router.refresh();
        },
        onError: fail,
      });
  };

  return (
    <div className="flex flex-col gap-3">
      {soleOwner && (
        <p className="text-sm text-slate-700" data-testid="last-owner-hint">
          {t("lastOwnerHint")}
        </p>
      )}
      <Table
        caption={t("table")}
        minWidth="sm:min-w-[44rem]"
        rows={data.members}
        rowKey={(m) => m.membershipId}
        rowProps={() => ({ "data-testid": "member-row" })}
        columns={[
          {
            key: "name",
            header: t("name"),
            primary: true,
            cell: (m) => (
              <>
                <div className="font-medium text-slate-900">
                  {m.name}{" "}
                  {m.membershipId === data.myMembershipId && (
                    <span className="font-normal text-slate-600">{t("you")}</span>
                  )}
                </div>
                <div className="break-all text-slate-600">{m.email}</div>
              </>
            ),
          },
          {
            key: "role",
            header: t("role"),
            cell: (m) =>
              canEditRole(m) ? (
                <SelectField
                  label={t("changeRole", { name: m.name })}
                  hideLabel
                  value={m.role}
                  onChange={(e) =>
                    changeRole.mutate({ membershipId: m.membershipId, role: e.target.value as TAssignableRole })
                  }
                  className="w-44 max-w-full"
                >
                  {m.role === "owner" && (
                    <option value="owner" disabled>
                      {tr("owner")}
                    </option>
                  )}
                  <option value="admin">{tr("admin")}</option>
                  <option value="member">{tr("member")}</option>
                </SelectField>
              ) : (
                <Badge tone={toneOf.role(m.role)}>{tr(m.role)}</Badge>
              ),
          },
          {
            key: "operator",
            header: t("operator"),
            cell: (m) =>
              m.operator ? (
                <>
                  {m.operator.name}
                  {!m.operator.active && <span className="text-slate-600"> ({t("inactiveOperator")})</span>}
                </>
              ) : (
                <span className="text-slate-600">{t("noOperator")}</span>
              ),
          },
          canManage && {
            key: "actions",
            header: t("actions"),
            actions: true,
            cell: (m) => {
              const self = m.membershipId === data.myMembershipId;
              const canRemove = !self && (isOwner || m.role !== "owner");
              return (
                <RowActions>
                  <RowAction
                    onClick={() => setLinking(m)}
                    {...preloadOn(LinkOperatorForm)}
                    aria-label={`${m.operator ? t("changeLink") : t("link")}: ${m.name}`}
                  >
                    {m.operator ? t("changeLink") : t("link")}
                  </RowAction>
                  {isOwner && m.role !== "owner" && (
                    <RowAction
                      onClick={() => setConfirm({ kind: "transfer", member: m })}
                      aria-label={`${t("transfer")}: ${m.name}`}
                    >
                      {t("transfer")}
                    </RowAction>
                  )}
                  {canRemove && (
                    <RowAction
                      danger
                      onClick={() => setConfirm({ kind: "remove", member: m })}
                      aria-label={`${t("remove")}: ${m.name}`}
                    >
                      {t("remove")}
                    </RowAction>
                  )}
                  {self && !soleOwner && (
                    <RowAction danger onClick={() => setConfirm({ kind: "leave", member: m })}>
                      {t("leave")}
                    </RowAction>
                  )}
                </RowActions>
              );
            },
          },
        ]}
      />
      {data.myRole === "member" && (
        <div>
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              const me = data.members.find((m) => m.membershipId === data.myMembershipId);
              if (me) setConfirm({ kind: "leave", member: me });
            }}
          >
            {t("leave")}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirm !== null}
        title={
          confirm?.kind === "remove"
            ? t("removeTitle", { name: confirm.member.name })
            : confirm?.kind === "transfer"
              ? t("transferTitle", { name: confirm.member.name })
              : t("leaveTitle")
        }
        body={
          confirm?.kind === "remove"
            ? t("removeBody", { name: confirm.member.name })
            : confirm?.kind === "transfer"
              ? t("transferBody", { name: confirm.member.name })
              : t("leaveBody")
        }
        confirmLabel={
          confirm?.kind === "remove" ? t("remove") : confirm?.kind === "transfer" ? t("transfer") : t("leave")
        }
        cancelLabel={tc("cancel")}
        tone={confirm?.kind === "transfer" ? "primary" : "danger"}
        busy={remove.isPending || transfer.isPending || leave.isPending}
        onConfirm={runConfirm}
        onClose={() => setConfirm(null)}
      />
      {linking && <LinkOperatorDialog member={linking} onClose={() => setLinking(null)} onChanged={onChanged} />}
    </div>
  );
}
