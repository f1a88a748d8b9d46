import { createTRPCRouter } from "@/server/api/trpc";
import { get } from "./get";
import { reactivate } from "./reactivate";
import { retry } from "./retry";
import { suspend } from "./suspend";

export const customerRouter = createTRPCRouter({ get, suspend, reactivate, retry });
