import { createTRPCRouter } from "@/server/api/trpc";
import { passwordResetLink, requestPasswordReset, resetPassword } from "./password-reset";
import { signUp } from "./sign-up";

export const authRouter = createTRPCRouter({ signUp, requestPasswordReset, passwordResetLink, resetPassword });
