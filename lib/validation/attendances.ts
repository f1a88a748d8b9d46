/**
 * The attendances list's filters: one schema for the procedure and the page (which keeps them in
 * the URL). Calendar days are Brasília days; the cursor is opaque (keyset on started_at, id).
 */
import { z } from "zod";
import { singleLineText } from "./text";

export const ATTENDANCE_PAGE_SIZE = 25;

export const ZAttendanceFilters = z.strictObject({
  /** Calendar days, inclusive, "YYYY-MM-DD". */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  department: z.optional(singleLineText().check(z.minLength(1), z.maxLength(200))),
  operator: z.optional(singleLineText().check(z.minLength(1), z.maxLength(200))),
  status: z.enum(["open", "finished"]).optional(),
  rating: z.number().int().min(1).max(5).optional(),
  /** Customer name (any part, accents ignored) or phone digits. */
  q: z.optional(singleLineText().check(z.minLength(1), z.maxLength(100))),
});
export type TAttendanceFilters = z.infer<typeof ZAttendanceFilters>;

export const ZAttendanceListInput = ZAttendanceFilters.extend({
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/)
    .optional(),
  limit: z.number().int().min(1).max(100).default(ATTENDANCE_PAGE_SIZE),
});
export type TAttendanceListInput = z.input<typeof ZAttendanceListInput>;
