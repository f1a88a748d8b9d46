"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import type { TAttachAccountInput, TCompanyStepInput } from "@/lib/validation/onboarding";
import { SpaceStep } from "./space-step";
import { CompanyDone } from "./company-done";
import { StepCard } from "./step-card";
import { useEmailGatedSubmit } from "./use-email-gated-submit";
import { useWizard } from "./use-wizard";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";

const companyStepInputResolver = lazyZodResolver<TCompanyStepInput>(() =>
  import("@/lib/validation/onboarding").then((m) => m.ZCompanyStepInput),
);
const attachAccountInputResolver = lazyZodResolver<TAttachAccountInput>(() =>
  import("@/lib/validation/onboarding").then((m) => m.ZAttachAccountInput),
);

/** Step 1: create the account (backends with `accounts`) or connect an existing chat space. */
export function CompanyStep() {
  const { data } = useWizard();
  return data.provider.capabilities.accounts ? <AccountStep /> : <SpaceStep />;
}

function AccountStep() {
  const t = useTranslations("onboarding.company");
  const trpc = useTRPC();
  const errors = useErrorMessage();
  const { data, refresh, goTo, next } = useWizard();
  const account = data.account;
  const form = useForm<TCompanyStepInput>({
    resolver: companyStepInputResolver,
    mode: "onTouched",
    defaultValues: {
      companyName: data.wizard.data.companyName ?? data.organization.name,
      sessionName: data.wizard.data.sessionName ?? data.wizard.data.companyName ?? data.organization.name,
    },
  });
  const { failure, mutationCallbacks, onSubmit, emailPanel } = useEmailGatedSubmit(form, (e) => {
    const field = e.appError?.field;
    return field === "companyName" || field === "sessionName" ? field : undefined;
  });
  const create = useMutation(
    trpc.onboarding.createAccount.mutationOptions({
      ...mutationCallbacks,
      onSuccess: async (acc) => {
        if (acc.state === "synced") await goTo(next("company"));
        else await refresh();
      },
    }),
  );

  const fieldError = (name: keyof TCompanyStepInput) => {
    const local = form.formState.errors[name]?.message;
    if (local) return errors.field(local);
    const server = failure?.fieldErrors?.[name]?.[0];
    return server ? errors.field(server) : undefined;
  };

  if (account?.state === "synced") {
    return (
      <CompanyDone
        notice={t("created")}
        className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2"
        facts={[
          { term: t("companyName"), value: account.name },
          { term: t("sessionName"), value: account.sessionName ?? "—" },
        ]}
      />
    );
  }

  const uncertain = account?.state === "uncertain";
  const pending = account?.state === "pending";
  const generalError =
    failure && !failure.appError?.field && !failure.fieldErrors ? errors.message(failure) : undefined;

  return (
    <StepCard heading={t("heading")} intro={t("intro")}>
      {generalError && <Alert>{generalError}</Alert>}
      {pending && <Alert tone="info">{t("attention.pending")}</Alert>}
      {uncertain && account ? (
        <NeedsAttention
          account={account}
          canEdit={data.canEdit}
          onResolved={() => void goTo(next("company"))}
          onChanged={() => void refresh()}
        />
      ) : (
        <form noValidate className="flex flex-col gap-4" onSubmit={onSubmit(create.mutate, create.isPending)}>
          {account?.state === "failed" && !failure && <Alert tone="warning">{t("failed")}</Alert>}
          <TextField
            label={t("companyName")}
            autoComplete="organization"
            error={fieldError("companyName")}
            {...form.register("companyName")}
          />
          <TextField
            label={t("sessionName")}
            hint={t("sessionNameHint")}
            error={fieldError("sessionName")}
            {...form.register("sessionName")}
          />
          <div>
            <Button type="submit" busy={create.isPending || pending} disabled={!data.canEdit}>
              {create.isPending ? t("submitting") : t("submit")}
            </Button>
          </div>
          {emailPanel(create.mutate)}
        </form>
      )}
    </StepCard>
  );
}

interface AccountFacts {
  attempts: number;
  updatedAt: Date;
  lastError: { at: string; kind: string; status?: number } | null;
}

/** An uncertain create: the facts, and two deliberate ways out (confirmed retry, or attach the existing account). */
function NeedsAttention({
  account,
  canEdit,
  onResolved,
  onChanged,
}: {
  account: AccountFacts;
  canEdit: boolean;
  onResolved: () => void;
  onChanged: () => void;
}) {
  const t = useTranslations("onboarding.company.attention");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const errors = useErrorMessage();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<ServerErrorData | null>(null);
  const attachForm = useForm<TAttachAccountInput>({
    resolver: attachAccountInputResolver,
    defaultValues: { vendorAccountId: "" },
  });
  const onDone = (acc: { state: string }) => (acc.state === "synced" ? onResolved() : onChanged());
  const onError = (err: unknown) => {
    setFailure(errorDataOf(err));
    onChanged();
  };
  const retry = useMutation(
    trpc.onboarding.retryAccount.mutationOptions({ onMutate: () => setFailure(null), onSuccess: onDone, onError }),
  );
  const attach = useMutation(
    trpc.onboarding.attachAccount.mutationOptions({ onMutate: () => setFailure(null), onSuccess: onDone, onError }),
  );
  const kind = account.lastError?.kind ?? "internal";
  const whatKey = (["ambiguous", "unavailable", "interrupted"].includes(kind) ? kind : "internal") as
    "ambiguous" | "unavailable" | "interrupted" | "internal";
  const when = new Date(account.lastError?.at ?? account.updatedAt).toLocaleString("pt-BR", {
    dateStyle: "short",
    timeStyle: "medium",
  });
  const attachError = attachForm.formState.errors.vendorAccountId?.message;

  return (
    <section
      aria-labelledby="attention-title"
      className="flex flex-col gap-4 rounded-lg border border-warning-700/30 bg-warning-50 p-4"
      data-testid="needs-attention"
    >
      <h3 id="attention-title" className="font-semibold text-warning-700">
        {t("title")}
      </h3>
      <p className="text-sm text-slate-800">
        {t("body", { when, what: t(`what.${whatKey}`, { status: account.lastError?.status ?? "" }) })}
      </p>
      <p className="text-sm text-slate-700">{t("attempts", { count: account.attempts })}</p>
      {failure && <Alert>{errors.message(failure)}</Alert>}
      <div className="grid gap-4 md:grid-cols-2">
        <div className="flex flex-col gap-2 rounded-lg bg-white p-4 ring-1 ring-slate-200">
          <h4 className="font-medium text-slate-900">{t("retryTitle")}</h4>
          <p className="text-sm text-slate-700">{t("retryBody")}</p>
          {confirming ? (
            <>
              <p className="text-sm font-medium text-warning-700">{t("retryWarning")}</p>
              <div className="flex flex-wrap gap-2">
                <Button
                  type="button"
                  variant="danger"
                  busy={retry.isPending}
                  disabled={!canEdit}
                  onClick={() => retry.mutate({ confirm: true })}
                >
                  {t("retryConfirm")}
                </Button>
                <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
                  {tc("cancel")}
                </Button>
              </div>
            </>
          ) : (
            <div>
              <Button type="button" variant="secondary" disabled={!canEdit} onClick={() => setConfirming(true)}>
                {t("retry")}
              </Button>
            </div>
          )}
        </div>
        <form
          noValidate
          className="flex flex-col gap-2 rounded-lg bg-white p-4 ring-1 ring-slate-200"
          onSubmit={attachForm.handleSubmit((v) => attach.mutate(v))}
        >
          <h4 className="font-medium text-slate-900">{t("attachTitle")}</h4>
          <p className="text-sm text-slate-700">{t("attachBody")}</p>
          <TextField
            label={t("attachField")}
            error={errors.field(attachError)}
            {...attachForm.register("vendorAccountId")}
          />
          <div>
            <Button type="submit" variant="secondary" busy={attach.isPending} disabled={!canEdit}>
              {t("attach")}
            </Button>
          </div>
        </form>
      </div>
    </section>
  );
}
