import { createTRPCRouter } from "@/server/api/trpc";
import { grant } from "./grant";
import { list } from "./list";
import { revoke } from "./revoke";

export const supportAccessRouter = createTRPCRouter({ list, grant, revoke });
