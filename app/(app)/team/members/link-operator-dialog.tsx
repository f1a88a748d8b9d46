"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDeferredValue, useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";

interface LinkTarget {
  membershipId: string;
  name: string;
  operator: { id: string; name: string } | null;
}

/** Picks the operator a member acts as (search by name), or removes the link. */
export function LinkOperatorDialog({
  member,
  onClose,
  onChanged,
}: {
  member: LinkTarget;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useTranslations("team.members");
  const tc = useTranslations("team.common");
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const groupId = useId();
  const [search, setSearch] = useState("");
  const [selected, setSelected] = useState<string | null>(member.operator?.id ?? null);
  const deferred = useDeferredValue(search);
  const options = useQuery(trpc.operators.options.queryOptions({ search: deferred }));
  const link = useMutation(trpc.members.linkOperator.mutationOptions());

  const save = (operatorId: string | null) =>
    link.mutate(
      { membershipId: member.membershipId, operatorId },
      {
        onSuccess: () => {
          const op = options.data?.find((o) => o.id === operatorId);
          toast.success(
            operatorId
              ? t("linked", { name: member.name, operator: op?.name ?? "" })
              : t("unlinked", { name: member.name }),
          );
          onChanged();
          onClose();
        },
        onError: (error) => toast.error(errors.message(errorDataOf(error))),
      },
    );

  return (
    <Dialog open onClose={onClose} title={t("linkTitle", { name: member.name })}>
      <p className="text-sm text-slate-600">{t("linkBody")}</p>
      <TextField
        className="mt-4"
        label={t("searchOperators")}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <fieldset className="mt-4">
        <legend id={groupId} className="text-sm font-medium text-slate-800">
          {t("operatorsFound")}
        </legend>
        {options.isLoading && <p className="mt-2 text-sm text-slate-600">{tc("loading")}</p>}
        {options.data && options.data.length === 0 && <p className="mt-2 text-sm text-slate-600">{t("noOperators")}</p>}
        <ul className="mt-2 max-h-64 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200">
          {options.data?.map((o) => (
            <li key={o.id}>
              <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-slate-50">
                <input
                  type="radio"
                  name="operator"
                  value={o.id}
                  checked={selected === o.id}
                  onChange={() => setSelected(o.id)}
                />
                <span className="font-medium text-slate-900">{o.name}</span>
                {o.linkedTo && o.id !== member.operator?.id && (
                  <span className="text-xs text-slate-600">{t("linkedTo", { name: o.linkedTo })}</span>
                )}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="mt-6 flex flex-wrap justify-end gap-3">
        {member.operator && (
          <Button
            type="button"
            variant="ghost"
            busy={link.isPending && link.variables?.operatorId === null}
            onClick={() => save(null)}
          >
            {t("unlink")}
          </Button>
        )}
        <Button type="button" variant="secondary" onClick={onClose}>
          {tc("cancel")}
        </Button>
        <Button
          type="button"
          disabled={!selected}
          busy={link.isPending && link.variables?.operatorId !== null}
          onClick={() => save(selected)}
        >
          {t("linkSave")}
        </Button>
      </div>
    </Dialog>
  );
}
