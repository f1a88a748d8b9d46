/** attendances.get — one attendance for the detail drawer (phone masked as in the list). */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { phonesMasked } from "@/lib/roles";
import { appError } from "@/server/errors";
import { orgProcedure } from "@/server/api/trpc";
import { attendances } from "@/server/db/schema";
import { itemColumns, presentItem, ZAttendanceItem } from "./list";

export const get = orgProcedure
  .input(z.strictObject({ id: z.uuid() }))
  .output(ZAttendanceItem.extend({ ratingObservation: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    const [row] = await ctx.db
      .select({ ...itemColumns, ratingObservation: attendances.ratingObservation })
      .from(attendances)
      .where(and(eq(attendances.organizationId, ctx.org.id), eq(attendances.id, input.id)))
      .limit(1);
    // Another organization's attendance answers like a missing one.
    if (!row) throw appError("NOT_FOUND");
    return presentItem(row, phonesMasked(ctx));
  });
