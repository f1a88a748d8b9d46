import { createTRPCRouter } from "@/server/api/trpc";
import { session } from "./session";

export const chatRouter = createTRPCRouter({ session });
