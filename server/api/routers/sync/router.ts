import { createTRPCRouter } from "@/server/api/trpc";
import { adopt } from "./adopt";
import { adoptAll } from "./adopt-all";
import { compare } from "./compare";
import { forget } from "./forget";
import { pull } from "./pull";
import { push } from "./push";
import { recreate } from "./recreate";

export const syncRouter = createTRPCRouter({ compare, adopt, adoptAll, push, pull, recreate, forget });
