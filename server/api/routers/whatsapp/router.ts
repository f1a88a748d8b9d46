import { createTRPCRouter } from "@/server/api/trpc";
import { code } from "./code";

export const whatsappRouter = createTRPCRouter({ code });
