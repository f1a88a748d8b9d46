/** The wizard's steps, in order (also the URL segment of /onboarding/[step]). Shared by client and server. */
export const ONBOARDING_STEPS = ["company", "departments", "operators", "plan", "whatsapp", "done"] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** The capabilities that decide which steps exist (a subset of the provider's `capabilities`). */
export interface StepCapabilities {
  departments: boolean;
  subscription: boolean;
  whatsappCode: boolean;
}

export function isOnboardingStep(value: string): value is OnboardingStep {
  return (ONBOARDING_STEPS as readonly string[]).includes(value);
}

/**
 * The steps of this backend, in order: a step whose vendor calls the provider lacks is
 * skipped (no departments, no plan, no WhatsApp code on the CDP gateway).
 */
export function stepsFor(caps: StepCapabilities): OnboardingStep[] {
  return ONBOARDING_STEPS.filter((s) => {
    if (s === "departments") return caps.departments;
    if (s === "plan") return caps.subscription;
    if (s === "whatsapp") return caps.whatsappCode;
    return true;
  });
}

/** The step after `step` among `steps` (all of them by default); "done" stays "done". */
export function nextStep(step: OnboardingStep, steps: readonly OnboardingStep[] = ONBOARDING_STEPS): OnboardingStep {
  const i = stepIndex(step);
  return steps.find((s) => stepIndex(s) > i) ?? "done";
}

/** The position in the full list: the order is the same for every backend, so comparisons use it. */
export const stepIndex = (step: OnboardingStep): number => ONBOARDING_STEPS.indexOf(step);

/** Suggested departments offered with one click (names as created at the vendor). */
export const SUGGESTED_DEPARTMENTS = ["Suporte", "Financeiro", "Comercial"] as const;
