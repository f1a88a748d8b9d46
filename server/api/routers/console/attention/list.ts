/** console.attention.list — what failed or is in doubt, across every customer, oldest first. */
import { z } from "zod";
import { ATTENTION_KINDS } from "@/lib/validation/console-customers";
import { staffProcedure } from "@/server/api/trpc";
import { listAttention } from "@/server/console/attention";

export const ZAttentionListOutput = z.array(
  z.object({
    kind: z.enum(ATTENTION_KINDS),
    id: z.string(),
    organizationId: z.string(),
    organizationName: z.string(),
    name: z.string(),
    state: z.enum(["failed", "uncertain", "pending"]).nullable(),
    reason: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("provider"), failure: z.string(), status: z.number().nullable() }),
      z.object({ kind: z.literal("stuck") }),
      z.object({ kind: z.literal("import"), failedRows: z.number(), code: z.string().nullable() }),
      z.object({ kind: z.literal("webhook"), attempts: z.number() }),
    ]),
    since: z.date(),
    actions: z.array(z.enum(["retry", "resolve"])),
  }),
);
export type TAttentionListOutput = z.infer<typeof ZAttentionListOutput>;

export const list = staffProcedure.output(ZAttentionListOutput).query(({ ctx }) => listAttention(ctx.db));
