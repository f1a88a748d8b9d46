import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { isOnboardingStep, stepIndex } from "@/lib/onboarding/steps";
import { HydrateClient, getQueryClient, serverCaller, trpc } from "@/lib/trpc/server";
import { Stepper } from "./stepper";
import { StepView } from "./step-view";

export async function generateMetadata({ params }: { params: Promise<{ step: string }> }): Promise<Metadata> {
  const { step } = await params;
  const t = await getTranslations("onboarding");
  return isOnboardingStep(step) ? { title: t("metaTitle", { step: t(`steps.${step}`) }) } : {};
}

/** A wizard step: the server loads the state (and resumes at the right step); the client form does the rest. */
export default async function OnboardingStepPage({ params }: { params: Promise<{ step: string }> }) {
  const { step } = await params;
  if (!isOnboardingStep(step)) notFound();
  const state = await (await serverCaller()).onboarding.get();
  // Steps ahead of the current one are not reachable yet, and a step this backend lacks does not exist.
  if (stepIndex(step) > stepIndex(state.wizard.currentStep) || !state.steps.includes(step))
    redirect(`/onboarding/${state.wizard.currentStep}`);
  await getQueryClient().prefetchQuery(trpc.onboarding.get.queryOptions());
  if (step === "plan") await getQueryClient().prefetchQuery(trpc.plan.pricing.queryOptions());
  const t = await getTranslations("onboarding");
  return (
    <HydrateClient>
      <div className="mx-auto flex max-w-3xl flex-col gap-6">
        <PageHeader
          eyebrow={t("stepOf", { current: state.steps.indexOf(step) + 1, total: state.steps.length })}
          title={state.provider.capabilities.accounts ? t("title") : t("titleSpace")}
        />
        <Stepper
          steps={state.steps}
          current={step}
          reached={state.wizard.currentStep}
          completed={state.wizard.completedSteps}
        />
        <StepView step={step} />
      </div>
    </HydrateClient>
  );
}
