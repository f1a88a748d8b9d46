import { createTRPCRouter } from "@/server/api/trpc";
import { summary } from "./summary";

export const dashboardRouter = createTRPCRouter({ summary });
