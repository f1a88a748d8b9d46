"use client";
/** Shared plumbing of the step forms: the wizard state query and "go to the next step". */
import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { nextStep, type OnboardingStep } from "@/lib/onboarding/steps";
import { useTRPC } from "@/lib/trpc/react";

export function useWizard() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.onboarding.get.queryOptions());
  const refresh = useCallback(
    () => queryClient.invalidateQueries(trpc.onboarding.get.queryFilter()),
    [queryClient, trpc],
  );
  const goTo = useCallback(
    async (step: OnboardingStep) => {
      await refresh();
      router.push(`/onboarding/${step}`);
      router.refresh();
    },
    [refresh, router],
  );
  /** The step after `step` on this backend (steps it lacks are skipped). */
  const next = useCallback((step: OnboardingStep) => nextStep(step, data.steps), [data.steps]);
  return { data, refresh, goTo, next };
}
