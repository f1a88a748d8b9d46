"use client";
import dynamic from "next/dynamic";
import type { ComponentType } from "react";
import type { OnboardingStep } from "@/lib/onboarding/steps";

/**
 * Each step's form is its own chunk (next/dynamic, still rendered on the server): a visit
 * downloads the step it shows, not the forms of the five others.
 */
const STEPS: Record<OnboardingStep, ComponentType> = {
  company: dynamic(() => import("./steps/company-step").then((m) => m.CompanyStep)),
  departments: dynamic(() => import("./steps/departments-step").then((m) => m.DepartmentsStep)),
  operators: dynamic(() => import("./steps/operators-step").then((m) => m.OperatorsStep)),
  plan: dynamic(() => import("./steps/plan-step").then((m) => m.PlanStep)),
  whatsapp: dynamic(() => import("./steps/whatsapp-step").then((m) => m.WhatsAppStep)),
  done: dynamic(() => import("./steps/done-step").then((m) => m.DoneStep)),
};

/** The client form of a step. */
export function StepView({ step }: { step: OnboardingStep }) {
  const Step = STEPS[step];
  return <Step />;
}
