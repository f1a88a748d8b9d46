"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { PasswordField } from "@/components/ui/password-field";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import type { OperatorRow } from "./operators-view";

interface DepartmentChoice {
  id: string;
  name: string;
}

/** Create or edit an operator. The edit names the version it read; the password is write-only. */
export function OperatorDialog({
  operator,
  departments,
  onClose,
  onSaved,
}: {
  operator: OperatorRow | null;
  departments: DepartmentChoice[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useTranslations("team.operators");
  const tc = useTranslations("team.common");
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const [name, setName] = useState(operator?.name ?? "");
  const [departmentIds, setDepartmentIds] = useState<string[]>(operator?.departmentIds ?? []);
  const [isAdmin, setIsAdmin] = useState(operator?.isAdmin ?? false);
  const [active, setActive] = useState(operator?.active ?? true);
  const [login, setLogin] = useState(operator?.login ?? "");
  const [password, setPassword] = useState("");
  const [failure, setFailure] = useState<ServerErrorData | null>(null);
  const create = useMutation(trpc.operators.create.mutationOptions());
  const update = useMutation(trpc.team.updateOperator.mutationOptions());

  const fieldError = (field: string) => {
    const key = failure?.fieldErrors?.[field]?.[0];
    if (key) return errors.field(key);
    if (failure?.appError?.field === field) return errors.message(failure);
    return undefined;
  };
  const conflict = failure?.appError?.code === "CONFLICT";
  const general = failure && !failure.fieldErrors && !failure.appError?.field ? (conflict ? t("conflict") : errors.message(failure)) : undefined;

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    try {
      if (operator) {
        const row = await update.mutateAsync({
          id: operator.id,
          version: operator.version,
          name,
          isAdmin,
          active,
          departmentIds,
          login: login.trim() === "" ? null : login.trim(),
          ...(password ? { password } : {}),
        });
        toast.success(t("saved", { name: row.name }));
      } else {
        const row = await create.mutateAsync({
          name,
          isAdmin,
          departmentIds,
          ...(login.trim() ? { login: login.trim() } : {}),
          ...(password ? { password } : {}),
        });
        toast.success(t("created", { name: row.name }));
      }
      onSaved();
      onClose();
    } catch (error) {
      setFailure(errorDataOf(error));
    }
  };

  const toggleDepartment = (id: string) => setDepartmentIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <Dialog open onClose={onClose} title={operator ? t("editTitle") : t("createTitle")}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="flex flex-col gap-4">
        {general && (
          <Alert>
            {general}{" "}
            {conflict && (
              <button type="button" className="font-semibold underline" onClick={() => window.location.reload()}>
                {t("reload")}
              </button>
            )}
          </Alert>
        )}
        <TextField label={t("fieldName")} value={name} onChange={(e) => setName(e.target.value)} error={fieldError("name")} autoComplete="off" />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{t("fieldDepartments")}</legend>
          {departments.length === 0 && <p className="mt-1 text-sm text-slate-600">{t("noDepartments")}</p>}
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {departments.map((d) => (
              <label key={d.id} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" checked={departmentIds.includes(d.id)} onChange={() => toggleDepartment(d.id)} className="size-4" />
                {d.name}
              </label>
            ))}
          </div>
          {fieldError("departmentIds") && <p className="mt-1 text-sm text-danger-700" role="alert">{fieldError("departmentIds")}</p>}
        </fieldset>
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={isAdmin} onChange={(e) => setIsAdmin(e.target.checked)} className="mt-0.5 size-4" />
          {t("fieldAdmin")}
        </label>
        {operator && (
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} className="mt-0.5 size-4" />
            {t("fieldActive")}
          </label>
        )}
        <TextField label={t("fieldLogin")} hint={t("loginHint")} value={login} onChange={(e) => setLogin(e.target.value)} error={fieldError("login")} autoComplete="off" />
        <PasswordField
          label={t("fieldPassword")}
          hint={operator ? t("passwordHintEdit") : t("passwordHintCreate")}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError("password")}
          autoComplete="new-password"
        />
        <div className="mt-2 flex justify-end gap-3">
          <Button type="button" variant="secondary" onClick={onClose}>
            {tc("cancel")}
          </Button>
          <Button type="submit" busy={create.isPending || update.isPending}>
            {tc("save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
