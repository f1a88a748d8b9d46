/**
 * health.ping — answers without a session or a database query: what the stack itself costs
 * per tRPC request (routing, context, superjson), the baseline `npm run bench:load` compares
 * the real pages with.
 */
import { z } from "zod";
import { publicProcedure } from "@/server/api/trpc";

export const ZPingOutput = z.object({ ok: z.literal(true) });

export const ping = publicProcedure.output(ZPingOutput).query(() => ({ ok: true as const }));
