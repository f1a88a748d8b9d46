import { redirect } from "next/navigation";
import { serverCaller } from "@/lib/trpc/server";

/** /onboarding → the step the organization is on. */
export default async function OnboardingIndex() {
  const state = await (await serverCaller()).onboarding.get();
  redirect(`/onboarding/${state.wizard.currentStep}`);
}
