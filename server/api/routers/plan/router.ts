import { createTRPCRouter } from "@/server/api/trpc";
import { continueTrial } from "./continue-trial";
import { subscribe } from "./subscribe";

export const planRouter = createTRPCRouter({ subscribe, continueTrial });
