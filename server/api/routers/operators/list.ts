/** operators.list — the organization's operators (never their tokens). */
import { z } from "zod";
import { orgProcedure } from "@/server/api/trpc";
import { listOperators } from "@/server/provisioning";
import { operatorOutput, ZOperatorOutput } from "@/server/api/outputs";

export const list = orgProcedure
  .output(z.object({ items: z.array(ZOperatorOutput) }))
  .query(async ({ ctx }) => ({ items: (await listOperators(ctx.db, ctx.org.id)).map(operatorOutput) }));
