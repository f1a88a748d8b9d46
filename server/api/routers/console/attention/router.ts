import { createTRPCRouter } from "@/server/api/trpc";
import { list } from "./list";
import { resolve } from "./resolve";
import { retry } from "./retry";

export const attentionRouter = createTRPCRouter({ list, retry, resolve });
