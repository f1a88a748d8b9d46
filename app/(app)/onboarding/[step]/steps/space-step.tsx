"use client";
/**
 * Step 1 on a backend whose chat space already exists (no `accounts` capability, e.g. the CDP
 * gateway): the company name and the project + live-chat item, checked with the provider.
 * When the integrator configured the space, the fields come filled in and the person confirms.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import type { TSpaceStepInput } from "@/lib/validation/onboarding";
import { VerifyEmailPanel } from "../../../_email/verify-email-panel";
import { StepCard } from "./step-card";
import { useWizard } from "./use-wizard";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";

const spaceStepInputResolver = lazyZodResolver<TSpaceStepInput>(() =>
  import("@/lib/validation/onboarding").then((m) => m.ZSpaceStepInput),
);

type SpaceField = keyof TSpaceStepInput;

export function SpaceStep() {
  const t = useTranslations("onboarding.company");
  const tv = useTranslations("validation");
  const trpc = useTRPC();
  const errors = useErrorMessage();
  const { data, refresh, goTo, next } = useWizard();
  const [failure, setFailure] = useState<ServerErrorData | null>(null);
  // The form can be filled in before the e-mail is confirmed; connecting waits for it.
  const [waitingForEmail, setWaitingForEmail] = useState(false);
  const account = data.account;
  const preset = data.provider.defaultSpace;
  const [project, item] = account?.vendorAccountId?.split("/") ?? [];
  const form = useForm<TSpaceStepInput>({
    resolver: spaceStepInputResolver,
    mode: "onTouched",
    defaultValues: {
      companyName: data.wizard.data.companyName ?? data.organization.name,
      projectUuid: project ?? preset?.projectUuid ?? "",
      itemUuid: item ?? preset?.itemUuid ?? "",
    },
  });
  const connect = useMutation(
    trpc.onboarding.connectSpace.mutationOptions({
      onMutate: () => setFailure(null),
      onSuccess: () => goTo(next("company")),
      onError: async (err) => {
        const e = errorDataOf(err);
        if (e.appError?.code === "EMAIL_NOT_VERIFIED") {
          setWaitingForEmail(true);
          await refresh();
          return;
        }
        setFailure(e);
        const field = e.appError?.field;
        // "Unknown project or item": the identifiers are what to check.
        if (e.appError?.code === "VENDOR_NOT_FOUND") form.setError("projectUuid", { message: errors.message(e) });
        else if (field === "projectUuid" || field === "itemUuid" || field === "companyName")
          form.setError(field, { message: errors.message(e) });
        await refresh();
      },
    }),
  );

  const fieldError = (name: SpaceField) => {
    const local = form.formState.errors[name]?.message;
    if (local) return errors.field(local);
    const server = failure?.fieldErrors?.[name]?.[0];
    if (!server) return undefined;
    const known = errors.field(server);
    return known === server ? tv("providerRefused", { message: server }) : known;
  };

  if (account?.state === "synced") {
    return (
      <StepCard heading={t("heading")}>
        <Alert tone="info">{t("spaceConnected")}</Alert>
        <dl className="grid grid-cols-1 gap-2 text-sm">
          <div>
            <dt className="font-medium text-slate-700">{t("companyName")}</dt>
            <dd className="text-slate-900">{account.name}</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-700">{t("projectUuid")}</dt>
            <dd className="break-all font-mono text-slate-900">{project ?? "—"}</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-700">{t("itemUuid")}</dt>
            <dd className="break-all font-mono text-slate-900">{item ?? "—"}</dd>
          </div>
        </dl>
        <div>
          <Button type="button" onClick={() => void goTo(next("company"))}>
            {t("continue")}
          </Button>
        </div>
      </StepCard>
    );
  }

  const generalError =
    failure && !form.formState.errors.projectUuid && !failure.appError?.field && !failure.fieldErrors
      ? errors.message(failure)
      : undefined;

  return (
    <StepCard heading={t("heading")} intro={preset ? t("spaceConfiguredIntro") : t("spaceIntro")}>
      {generalError && <Alert>{generalError}</Alert>}
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={form.handleSubmit((values) => {
          if (!data.me.emailVerified) setWaitingForEmail(true);
          else if (!connect.isPending) connect.mutate(values);
        })}
      >
        <TextField
          label={t("companyName")}
          autoComplete="organization"
          error={fieldError("companyName")}
          {...form.register("companyName")}
        />
        <TextField
          label={t("projectUuid")}
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          hint={t("spaceHint")}
          error={fieldError("projectUuid")}
          {...form.register("projectUuid")}
        />
        <TextField
          label={t("itemUuid")}
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          error={fieldError("itemUuid")}
          {...form.register("itemUuid")}
        />
        <div>
          <Button type="submit" busy={connect.isPending} disabled={!data.canEdit}>
            {connect.isPending ? t("spaceSubmitting") : preset ? t("spaceConfirm") : t("spaceSubmit")}
          </Button>
        </div>
        {waitingForEmail && (
          <VerifyEmailPanel
            email={data.me.email}
            onVerified={() => {
              setWaitingForEmail(false);
              void refresh();
              connect.mutate(form.getValues());
            }}
          />
        )}
      </form>
    </StepCard>
  );
}
