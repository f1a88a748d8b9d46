import { createTRPCRouter } from "@/server/api/trpc";
import { create } from "./create";
import { list } from "./list";
import { options } from "./options";
import { page } from "./page";
import { update } from "./update";

export const operatorsRouter = createTRPCRouter({ list, page, options, create, update });
