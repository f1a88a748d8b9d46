import { createTRPCRouter } from "@/server/api/trpc";
import { accept } from "./accept";
import { preview } from "./preview";

export const invitationRouter = createTRPCRouter({ preview, accept });
