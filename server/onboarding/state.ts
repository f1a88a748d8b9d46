/**
 * The wizard's server-side state: steps completed in order, never twice. Reading never
 * writes (an organization that has not started reads as a fresh wizard); the row is
 * created by the first change.
 */
import { eq, sql } from "drizzle-orm";
import { nextStep, ONBOARDING_STEPS, stepIndex, type OnboardingStep } from "@/lib/onboarding/steps";
import type { Db } from "@/server/db/client";
import { onboardingStates, type OnboardingData, type OnboardingState } from "@/server/db/schema";

export async function getOnboarding(db: Db, organizationId: string): Promise<OnboardingState> {
  const [row] = await db.select().from(onboardingStates).where(eq(onboardingStates.organizationId, organizationId));
  if (row) return row;
  const now = new Date();
  return {
    organizationId,
    currentStep: "company",
    completedSteps: [],
    data: {},
    completedAt: null,
    stepEnteredAt: {},
    createdAt: now,
    updatedAt: now,
  };
}

/** The state row, created if this is the first change. */
async function ensureOnboarding(db: Db, organizationId: string): Promise<OnboardingState> {
  await db.insert(onboardingStates).values({ organizationId }).onConflictDoNothing();
  return getOnboarding(db, organizationId);
}

/** Merges what the person entered on a step (kept even before the step is done). */
export async function saveOnboardingData(db: Db, organizationId: string, patch: OnboardingData): Promise<void> {
  await ensureOnboarding(db, organizationId);
  await db
    .update(onboardingStates)
    .set({ data: sql`${onboardingStates.data} || ${JSON.stringify(patch)}::jsonb`, updatedAt: new Date() })
    .where(eq(onboardingStates.organizationId, organizationId));
}

/**
 * Marks `step` done and moves the current step forward (never backwards) to the next of
 * `steps` (the backend's steps, `stepsFor(capabilities)`; all by default); the last real
 * step completes the wizard.
 */
export async function completeStep(
  db: Db,
  organizationId: string,
  step: OnboardingStep,
  patch: OnboardingData = {},
  steps: readonly OnboardingStep[] = ONBOARDING_STEPS,
): Promise<OnboardingState> {
  const state = await ensureOnboarding(db, organizationId);
  const completed = state.completedSteps.includes(step) ? state.completedSteps : [...state.completedSteps, step];
  const candidate = nextStep(step, steps);
  const current = stepIndex(candidate) > stepIndex(state.currentStep) ? candidate : state.currentStep;
  const finished = current === "done";
  const [row] = await db
    .update(onboardingStates)
    .set({
      completedSteps: ONBOARDING_STEPS.filter((s) => completed.includes(s)),
      currentStep: current,
      data: sql`${onboardingStates.data} || ${JSON.stringify(patch)}::jsonb`,
      completedAt: state.completedAt ?? (finished ? new Date() : null),
      // The first time the organization reaches a step (the funnel's medians); an entry already there is kept.
      stepEnteredAt: sql`jsonb_build_object(${current}::text, ${new Date().toISOString()}::text) || ${onboardingStates.stepEnteredAt}`,
      updatedAt: new Date(),
    })
    .where(eq(onboardingStates.organizationId, organizationId))
    .returning();
  return row!;
}
