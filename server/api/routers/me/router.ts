import { createTRPCRouter } from "@/server/api/trpc";
import { cancelEmailChange } from "./cancel-email-change";
import { changeEmail } from "./change-email";
import { changePassword } from "./change-password";
import { get } from "./get";
import { signOutEverywhere } from "./sign-out-everywhere";

export const meRouter = createTRPCRouter({ get, signOutEverywhere, changePassword, changeEmail, cancelEmailChange });
