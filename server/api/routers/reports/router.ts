import { createTRPCRouter } from "@/server/api/trpc";
import { operators } from "./operators";
import { rows } from "./rows";
import { satisfaction } from "./satisfaction";
import { ticket } from "./ticket";

export const reportsRouter = createTRPCRouter({ satisfaction, rows, ticket, operators });
