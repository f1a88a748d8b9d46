import { createTRPCRouter } from "@/server/api/trpc";
import { reconcileNow } from "./reconcile-now";
import { status } from "./status";

export const reliabilityRouter = createTRPCRouter({ status, reconcileNow });
