/**
 * attendances.list — the organization's attendances, newest first, filtered and searched,
 * paginated by keyset on (started_at desc, id desc). Everyone in the organization reads; a
 * member (and platform staff under support access) gets each phone masked here, on the server
 * (the full number never leaves for them).
 */
import { desc } from "drizzle-orm";
import { z } from "zod";
import { formatPhone, maskPhone } from "@/lib/attendances/phone";
import { phonesMasked } from "@/lib/roles";
import { ZAttendanceListInput } from "@/lib/validation/attendances";
import { appError } from "@/server/errors";
import { orgProcedure } from "@/server/api/trpc";
import { attendances } from "@/server/db/schema";
import { afterCursor, attendanceConditions, decodeCursor, encodeCursor, whereAll } from "./query";

export const ZAttendanceItem = z.object({
  id: z.string(),
  attendanceNumber: z.number(),
  customerName: z.string().nullable(),
  /** Formatted for owners and admins, masked for members. */
  phone: z.string().nullable(),
  department: z.string().nullable(),
  operator: z.string().nullable(),
  status: z.enum(["open", "finished"]),
  rating: z.number().nullable(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  durationMs: z.number().nullable(),
  messages: z.number(),
});
export type TAttendanceItem = z.infer<typeof ZAttendanceItem>;

export const ZAttendanceListOutput = z.object({
  items: z.array(ZAttendanceItem),
  nextCursor: z.string().nullable(),
  phonesMasked: z.boolean(),
});

export const itemColumns = {
  id: attendances.id,
  attendanceNumber: attendances.attendanceNumber,
  customerName: attendances.customerName,
  customerPhone: attendances.customerPhone,
  department: attendances.department,
  operator: attendances.operator,
  status: attendances.status,
  rating: attendances.rating,
  startedAt: attendances.startedAt,
  finishedAt: attendances.finishedAt,
  durationMs: attendances.durationMs,
  messages: attendances.messages,
};

type Selected = { customerPhone: string | null } & Omit<TAttendanceItem, "phone">;

/** The row as the person may see it: the phone formatted, or masked for a member. */
export function presentItem<R extends Selected>(row: R, masked: boolean) {
  const { customerPhone, ...rest } = row;
  return { ...rest, phone: customerPhone ? (masked ? maskPhone(customerPhone) : formatPhone(customerPhone)) : null };
}

export const list = orgProcedure
  .input(ZAttendanceListInput)
  .output(ZAttendanceListOutput)
  .query(async ({ ctx, input }) => {
    const conditions = attendanceConditions(ctx.org.id, input);
    if (input.cursor) {
      const cursor = decodeCursor(input.cursor);
      if (!cursor) throw appError("VALIDATION");
      conditions.push(afterCursor(cursor));
    }
    const rows = await ctx.db
      .select(itemColumns)
      .from(attendances)
      .where(whereAll(conditions))
      .orderBy(desc(attendances.startedAt), desc(attendances.id))
      .limit(input.limit + 1);
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    const masked = phonesMasked(ctx);
    return {
      items: page.map((r) => presentItem(r, masked)),
      nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
      phonesMasked: masked,
    };
  });
