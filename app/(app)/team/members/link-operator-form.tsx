"use client";
/**
 * The link dialog's body: search operators by name, pick one, or remove the link. Loaded lazily
 * (react-hook-form and the zod schemas stay out of the members page's first download).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDeferredValue, useId } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useFieldError } from "@/lib/forms/server-errors";
import { useTRPC } from "@/lib/trpc/react";
import { ZLinkOperatorForm, type TLinkOperatorForm } from "@/lib/validation/team";

export interface LinkTarget {
  membershipId: string;
  name: string;
  operator: { id: string; name: string } | null;
}

export default function LinkOperatorForm({
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
  const fieldError = useFieldError();
  const trpc = useTRPC();
  const groupId = useId();
  const form = useForm<TLinkOperatorForm>({
    resolver: zodResolver(ZLinkOperatorForm),
    defaultValues: { search: "", operatorId: member.operator?.id ?? null },
  });
  const selected = useWatch({ control: form.control, name: "operatorId" });
  const deferred = useDeferredValue(useWatch({ control: form.control, name: "search" }));
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
    <>
      <p className="text-sm text-slate-600">{t("linkBody")}</p>
      <form noValidate onSubmit={form.handleSubmit((v) => v.operatorId && save(v.operatorId))}>
        <TextField
          className="mt-4"
          label={t("searchOperators")}
          type="search"
          error={fieldError(form.formState.errors.search)}
          // Enter searches (as typed); it does not link the operator picked so far.
          onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
          {...form.register("search")}
        />
        <fieldset className="mt-4">
          <legend id={groupId} className="text-sm font-medium text-slate-800">
            {t("operatorsFound")}
          </legend>
          {options.isLoading && <p className="mt-2 text-sm text-slate-600">{tc("loading")}</p>}
          {options.data && options.data.length === 0 && (
            <p className="mt-2 text-sm text-slate-600">{t("noOperators")}</p>
          )}
          <ul className="mt-2 max-h-64 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200">
            {options.data?.map((o) => (
              <li key={o.id}>
                <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-slate-50">
                  <input type="radio" value={o.id} {...form.register("operatorId")} />
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
          <Button type="submit" disabled={!selected} busy={link.isPending && link.variables?.operatorId !== null}>
            {t("linkSave")}
          </Button>
        </div>
      </form>
    </>
  );
}
