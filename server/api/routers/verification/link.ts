/** verification.link — what the verify-email page shows before anyone presses: the address, or why the link is dead. */
import { z } from "zod";
import { ZVerificationLinkInput } from "@/lib/validation/email";
import { publicProcedure } from "@/server/api/trpc";
import { usableEmailVerification } from "@/server/auth/email-verification";
import { check, throwIfRefused } from "@/server/security/rate-limit";

export const ZVerificationLinkOutput = z.object({ email: z.string(), purpose: z.enum(["sign_up", "change"]) });

export const link = publicProcedure
  .input(ZVerificationLinkInput)
  .output(ZVerificationLinkOutput)
  .query(async ({ ctx, input }) => {
    // A query writes nothing (link scanners GET the page): it only honours the budget submissions spend.
    throwIfRefused(await check("emailVerificationConfirmIp", ctx.clientIp));
    const { email, purpose } = await usableEmailVerification(ctx.db, input.token);
    return { email, purpose };
  });
