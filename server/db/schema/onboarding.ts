/**
 * The self-service onboarding wizard's state, kept on the server so a reload, the back
 * button, another tab or a new sign-in resume at the same step with what was entered.
 */
import { jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { OnboardingStep } from "../../../lib/onboarding/steps";
import { organizations } from "./auth";

/** What the person entered on each step (never passwords or tokens). */
export interface OnboardingData {
  companyName?: string;
  sessionName?: string;
  planChoice?: "trial" | "subscription";
  seats?: number;
  whatsappSkipped?: boolean;
  /** When someone said WhatsApp was connected (the portal cannot check it), and who. */
  whatsappReported?: { at: string; userId: string; name: string };
}

export const onboardingStates = pgTable("onboarding_states", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  currentStep: text("current_step").$type<OnboardingStep>().notNull().default("company"),
  completedSteps: text("completed_steps").array().$type<OnboardingStep[]>().notNull().default([]),
  data: jsonb("data").$type<OnboardingData>().notNull().default({}),
  completedAt: timestamp("completed_at", { withTimezone: true }),
  /**
   * When the organization first reached each step (ISO strings by step), for the console's funnel:
   * the time spent in a step is the next step's entry minus its own. Recorded from issue 16 on;
   * older rows have none (the funnel counts them, but not in the medians).
   */
  stepEnteredAt: jsonb("step_entered_at").$type<Partial<Record<OnboardingStep, string>>>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type OnboardingState = typeof onboardingStates.$inferSelect;
