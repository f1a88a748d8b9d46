import { createTRPCRouter } from "@/server/api/trpc";
import { actions } from "./actions";
import { list } from "./list";

export const auditRouter = createTRPCRouter({ list, actions });
