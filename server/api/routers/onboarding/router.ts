import { createTRPCRouter } from "@/server/api/trpc";
import { attachAccount } from "./attach-account";
import { completeStep } from "./complete-step";
import { connectSpace } from "./connect-space";
import { createAccount } from "./create-account";
import { get } from "./get";
import { retryAccount } from "./retry-account";

export const onboardingRouter = createTRPCRouter({
  get,
  createAccount,
  connectSpace,
  retryAccount,
  attachAccount,
  completeStep,
});
