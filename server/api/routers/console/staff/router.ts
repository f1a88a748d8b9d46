import { createTRPCRouter } from "@/server/api/trpc";
import { me } from "./me";

export const staffRouter = createTRPCRouter({ me });
