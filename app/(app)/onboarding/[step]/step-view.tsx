"use client";
import type { OnboardingStep } from "@/lib/onboarding/steps";
import { CompanyStep } from "./steps/company-step";
import { DepartmentsStep } from "./steps/departments-step";
import { DoneStep } from "./steps/done-step";
import { OperatorsStep } from "./steps/operators-step";
import { PlanStep } from "./steps/plan-step";
import { WhatsAppStep } from "./steps/whatsapp-step";

/** The client form of a step. */
export function StepView({ step }: { step: OnboardingStep }) {
  switch (step) {
    case "company":
      return <CompanyStep />;
    case "departments":
      return <DepartmentsStep />;
    case "operators":
      return <OperatorsStep />;
    case "plan":
      return <PlanStep />;
    case "whatsapp":
      return <WhatsAppStep />;
    case "done":
      return <DoneStep />;
  }
}
