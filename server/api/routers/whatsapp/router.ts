import { createTRPCRouter } from "@/server/api/trpc";
import { newCode } from "./new-code";
import { reportConnected } from "./report-connected";
import { status } from "./status";

export const whatsappRouter = createTRPCRouter({ status, newCode, reportConnected });
