import { createTRPCRouter } from "@/server/api/trpc";
import { continueTrial } from "./continue-trial";
import { pricing } from "./pricing";
import { subscribe } from "./subscribe";

export const planRouter = createTRPCRouter({ pricing, subscribe, continueTrial });
