import { createTRPCRouter } from "@/server/api/trpc";
import { create } from "./create";
import { list } from "./list";
import { update } from "./update";

export const operatorsRouter = createTRPCRouter({ list, create, update });
