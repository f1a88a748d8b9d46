import { createTRPCRouter } from "@/server/api/trpc";
import { signUp } from "./sign-up";

export const authRouter = createTRPCRouter({ signUp });
