/** onboarding.get — the wizard's state, the vendor account's state and who is asking. */
import { z } from "zod";
import { ONBOARDING_STEPS, stepsFor } from "@/lib/onboarding/steps";
import { mayChangeOrganization } from "@/lib/roles";
import { orgProcedure } from "@/server/api/trpc";
import { getOnboarding } from "@/server/onboarding/state";
import { providerInfo } from "@/server/providers/info";
import { getVendorAccount } from "@/server/provisioning";
import { ZProviderInfoOutput } from "../provider/capabilities";
import { accountOutput, ZAccountOutput, ZOnboardingStateOutput } from "@/server/api/outputs";

export const ZOnboardingGetOutput = z.object({
  wizard: ZOnboardingStateOutput,
  account: ZAccountOutput.nullable(),
  organization: z.object({ id: z.string(), name: z.string() }),
  /** `emailVerified`: until it is true the account step waits for the e-mail to be confirmed. */
  me: z.object({ id: z.string(), name: z.string(), email: z.string(), emailVerified: z.boolean() }),
  canEdit: z.boolean(),
  /** The chat backend (capabilities decide the form fields) and its steps, in order. */
  provider: ZProviderInfoOutput,
  steps: z.array(z.enum(ONBOARDING_STEPS)),
});

export const get = orgProcedure.output(ZOnboardingGetOutput).query(async ({ ctx }) => {
  const [wizard, account] = await Promise.all([
    getOnboarding(ctx.db, ctx.org.id),
    getVendorAccount(ctx.db, ctx.org.id),
  ]);
  return {
    wizard: {
      currentStep: wizard.currentStep,
      completedSteps: wizard.completedSteps,
      data: wizard.data,
      completedAt: wizard.completedAt,
    },
    account: account ? accountOutput(account) : null,
    organization: { id: ctx.org.id, name: ctx.org.name },
    me: {
      id: ctx.session.userId,
      name: ctx.session.name,
      email: ctx.session.email,
      emailVerified: ctx.session.emailVerified,
    },
    canEdit: mayChangeOrganization(ctx),
    provider: providerInfo(ctx.provider),
    steps: stepsFor(ctx.provider.capabilities),
  };
});
