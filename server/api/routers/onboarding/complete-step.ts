/**
 * onboarding.completeStep — "Continuar" on the departments and operators steps; on the WhatsApp
 * step "Já conectei, continuar" (kept as the person's report, with when and who) or "Pular".
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { appError } from "@/server/errors";
import { adminProcedure } from "@/server/api/trpc";
import { operators } from "@/server/db/schema";
import { stepsFor } from "@/lib/onboarding/steps";
import { completeStep as complete } from "@/server/onboarding/state";
import { whatsAppReport } from "@/server/onboarding/whatsapp-report";
import { requireSyncedAccount } from "@/server/provisioning";
import { ZOnboardingStateOutput } from "@/server/api/outputs";

export const ZCompleteStepInput = z.strictObject({
  step: z.enum(["departments", "operators", "whatsapp"]),
  skipped: z.boolean().optional(),
});

export const completeStep = adminProcedure
  .input(ZCompleteStepInput)
  .output(ZOnboardingStateOutput)
  .mutation(async ({ ctx, input }) => {
    await requireSyncedAccount(ctx.db, ctx.org.id);
    const steps = stepsFor(ctx.provider.capabilities);
    if (!steps.includes(input.step)) throw appError("NOT_SUPPORTED");
    if (input.step === "operators") {
      const [one] = await ctx.db
        .select({ id: operators.id })
        .from(operators)
        .where(and(eq(operators.organizationId, ctx.org.id), eq(operators.state, "synced")))
        .limit(1);
      if (!one) throw appError("NO_OPERATOR");
    }
    const row = await complete(
      ctx.db,
      ctx.org.id,
      input.step,
      input.step !== "whatsapp"
        ? {}
        : input.skipped
          ? { whatsappSkipped: true }
          : { whatsappSkipped: false, whatsappReported: whatsAppReport(ctx.session) },
      steps,
    );
    return {
      currentStep: row.currentStep,
      completedSteps: row.completedSteps,
      data: row.data,
      completedAt: row.completedAt,
    };
  });
