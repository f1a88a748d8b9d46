import { createTRPCRouter } from "@/server/api/trpc";
import { get } from "./get";
import { list } from "./list";
import { options } from "./options";

export const attendancesRouter = createTRPCRouter({ list, get, options });
