/**
 * chat.session — what the browser needs to open the chat as the caller's OWN operator:
 * the account id and that operator's decrypted accessToken (never anyone else's).
 * /api/trpc responses carry Cache-Control: no-store.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { appError } from "@/server/errors";
import { orgProcedure } from "@/server/api/trpc";
import { decryptOperatorToken } from "@/server/crypto";
import { operators } from "@/server/db/schema";
import { requireSyncedAccount } from "@/server/provisioning";

export const ZChatSessionOutput = z.object({
  accountId: z.string(),
  operatorName: z.string(),
  operatorAccessToken: z.string(),
});

export const session = orgProcedure
  .meta({ revealsSecret: true })
  .output(ZChatSessionOutput)
  .query(async ({ ctx }) => {
    const account = await requireSyncedAccount(ctx.db, ctx.org.id);
    const [op] = await ctx.db
      .select()
      .from(operators)
      .where(and(eq(operators.organizationId, ctx.org.id), eq(operators.userId, ctx.session.userId)));
    if (!op || op.state !== "synced" || !op.accessTokenCiphertext || !op.active) throw appError("NO_OPERATOR");
    return {
      accountId: account.vendorAccountId,
      operatorName: op.name,
      operatorAccessToken: decryptOperatorToken(op.id, op.accessTokenCiphertext),
    };
  });
