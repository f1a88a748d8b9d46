import { createTRPCRouter } from "@/server/api/trpc";
import { end } from "./end";
import { endOthers } from "./end-others";
import { list } from "./list";

export const sessionsRouter = createTRPCRouter({ list, end, endOthers });
