import { createTRPCRouter } from "@/server/api/trpc";
import { cancel } from "./cancel";
import { continueTrial } from "./continue-trial";
import { get } from "./get";
import { history } from "./history";
import { pricing } from "./pricing";
import { subscribe } from "./subscribe";

export const planRouter = createTRPCRouter({ get, pricing, subscribe, cancel, history, continueTrial });
