import { createTRPCRouter } from "@/server/api/trpc";
import { changePassword } from "./change-password";
import { get } from "./get";
import { signOutEverywhere } from "./sign-out-everywhere";

export const meRouter = createTRPCRouter({ get, signOutEverywhere, changePassword });
