import { createTRPCRouter } from "@/server/api/trpc";
import { refreshWhatsApp } from "./refresh-whatsapp";
import { summary } from "./summary";

export const dashboardRouter = createTRPCRouter({ summary, refreshWhatsApp });
