"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { useTRPC } from "@/lib/trpc/react";
import { InvitePanel } from "./invite-panel";
import { MembersTable } from "./members-table";

/** The team page: the members table for everyone; invitations and changes for owners and admins. */
export function MembersView() {
  const t = useTranslations("team.members");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useQuery(trpc.members.list.queryOptions());
  if (!data) return <p className="text-slate-600">{t("title")}</p>;
  const canManage = data.canManage;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
    if (canManage) void queryClient.invalidateQueries({ queryKey: trpc.invitations.list.queryKey() });
  };
  return (
    <div className="flex flex-col gap-6">
      {/* Platform staff under support access have the banner above instead. */}
      {data.myRole === "member" && <Alert tone="info">{t("readOnly")}</Alert>}
      {canManage && <InvitePanel onChanged={refresh} />}
      <MembersTable data={data} onChanged={refresh} />
    </div>
  );
}
