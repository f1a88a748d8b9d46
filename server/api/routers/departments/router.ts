import { createTRPCRouter } from "@/server/api/trpc";
import { create } from "./create";
import { list } from "./list";
import { refresh } from "./refresh";
import { remove } from "./remove";
import { summary } from "./summary";
import { update } from "./update";

export const departmentsRouter = createTRPCRouter({ list, summary, refresh, create, update, remove });
