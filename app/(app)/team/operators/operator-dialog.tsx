"use client";
/**
 * The team's operator dialog (create / edit): the shared operator form (components/operators)
 * in a dialog. The edit names the version it read; the password is write-only. The form (with
 * react-hook-form and the zod schemas) loads when the dialog opens, warmed by the opening button.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { Dialog } from "@/components/ui/dialog";
import { LazyBoundary, lazyWithPreload } from "@/components/ui/lazy";
import { useTRPC } from "@/lib/trpc/react";
import type { TProviderInfoOutput } from "@/server/api/routers/provider/capabilities";
import type { OperatorRow } from "./operators-view";

export type Capabilities = TProviderInfoOutput["capabilities"];

export const OperatorForm = lazyWithPreload(() => import("@/components/operators/operator-form"));

interface DialogProps {
  operator: OperatorRow | null;
  departments: ReadonlyArray<{ id: string; name: string; active: boolean }>;
  capabilities: Capabilities;
  /** The backend's role codes (`provider.roleCodes`, CDP_ROLE_CODES). */
  roleCodes: readonly string[];
  onClose: () => void;
  onSaved: () => void;
}

/** Create or edit an operator; saved, it says so and closes. */
export function OperatorDialog({ operator, departments, capabilities, roleCodes, onClose, onSaved }: DialogProps) {
  const t = useTranslations("team.operators");
  const tc = useTranslations("team.common");
  const trpc = useTRPC();
  const create = useMutation(trpc.operators.create.mutationOptions());
  const update = useMutation(trpc.operators.update.mutationOptions());
  const saved = (message: string) => {
    toast.success(message);
    onSaved();
    onClose();
  };
  return (
    <Dialog open onClose={onClose} title={operator ? t("editTitle") : t("createTitle")}>
      <LazyBoundary>
        <OperatorForm
          capabilities={capabilities}
          roleCodes={roleCodes}
          departments={departments}
          operator={operator}
          onCreate={async (input) => saved(t("created", { name: (await create.mutateAsync(input)).name }))}
          onUpdate={async (patch) =>
            operator &&
            saved(
              t("saved", {
                name: (await update.mutateAsync({ id: operator.id, version: operator.version, ...patch })).name,
              }),
            )
          }
          submitLabel={tc("save")}
          onCancel={onClose}
          cancelLabel={tc("cancel")}
        />
      </LazyBoundary>
    </Dialog>
  );
}
