import { createTRPCRouter } from "@/server/api/trpc";
import { capabilities } from "./capabilities";

export const providerRouter = createTRPCRouter({ capabilities });
