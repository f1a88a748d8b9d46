"use client";
/**
 * Step 1 on a backend whose chat space already exists (no `accounts` capability, e.g. the CDP
 * gateway): the company name and the project + live-chat item, checked with the provider.
 * When the integrator configured the space, the fields come filled in and the person confirms.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import type { TSpaceStepInput } from "@/lib/validation/onboarding";
import { CompanyDone } from "./company-done";
import { StepCard } from "./step-card";
import { useEmailGatedSubmit } from "./use-email-gated-submit";
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
  const { data, goTo, next } = useWizard();
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
  const { failure, mutationCallbacks, onSubmit, emailPanel } = useEmailGatedSubmit(form, (e) => {
    // "Unknown project or item": the identifiers are what to check.
    if (e.appError?.code === "VENDOR_NOT_FOUND") return "projectUuid";
    const field = e.appError?.field;
    return field === "projectUuid" || field === "itemUuid" || field === "companyName" ? field : undefined;
  });
  const connect = useMutation(
    trpc.onboarding.connectSpace.mutationOptions({
      ...mutationCallbacks,
      onSuccess: () => goTo(next("company")),
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
      <CompanyDone
        notice={t("spaceConnected")}
        className="grid grid-cols-1 gap-2 text-sm"
        facts={[
          { term: t("companyName"), value: account.name },
          { term: t("projectUuid"), value: project ?? "—", code: true },
          { term: t("itemUuid"), value: item ?? "—", code: true },
        ]}
      />
    );
  }

  const generalError =
    failure && !form.formState.errors.projectUuid && !failure.appError?.field && !failure.fieldErrors
      ? errors.message(failure)
      : undefined;

  return (
    <StepCard heading={t("heading")} intro={preset ? t("spaceConfiguredIntro") : t("spaceIntro")}>
      {generalError && <Alert>{generalError}</Alert>}
      <form noValidate className="flex flex-col gap-4" onSubmit={onSubmit(connect.mutate, connect.isPending)}>
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
        {emailPanel(connect.mutate)}
      </form>
    </StepCard>
  );
}
