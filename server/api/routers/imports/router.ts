import { createTRPCRouter } from "@/server/api/trpc";
import { get } from "./get";
import { list } from "./list";
import { preview } from "./preview";
import { retryFailed } from "./retry-failed";
import { retryRow } from "./retry-row";
import { start } from "./start";

export const importsRouter = createTRPCRouter({ preview, start, get, list, retryRow, retryFailed });
