/** sync.adoptAll — adopts everything that exists only at the provider (departments, then operators). */
import { z } from "zod";
import { adminProcedure } from "@/server/api/trpc";
import { adoptAllFromVendor } from "@/server/provisioning/sync";

export const adoptAll = adminProcedure
  .output(z.object({ departments: z.number(), operators: z.number() }))
  .mutation(({ ctx }) => adoptAllFromVendor(ctx.db, ctx.provider, ctx.scope));
