import { createTRPCRouter } from "@/server/api/trpc";
import { get } from "./get";
import { update } from "./update";

export const uraRouter = createTRPCRouter({ get, update });
