import { createTRPCRouter } from "@/server/api/trpc";
import { list } from "./list";

export const customersRouter = createTRPCRouter({ list });
