import { createTRPCRouter } from "@/server/api/trpc";
import { get } from "./get";
import { list } from "./list";
import { options } from "./options";
import { tiles } from "./tiles";

export const attendancesRouter = createTRPCRouter({ list, get, options, tiles });
