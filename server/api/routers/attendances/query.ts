/**
 * The attendances list's WHERE clause (filters, search, period) and its keyset cursor, shared by
 * attendances.list and the bench. Every condition starts with the organization.
 */
import { and, eq, gte, like, lt, sql, type SQL } from "drizzle-orm";
import { normaliseSearch } from "@/lib/attendances/search";
import type { TAttendanceFilters } from "@/lib/validation/attendances";
import { attendances } from "@/server/db/schema";

/** Brazil has had no daylight saving time since 2019: Brasília is UTC−3 all year. */
const BRASILIA_OFFSET = "-03:00";
const DAY_MS = 24 * 60 * 60 * 1000;
export const dayStart = (day: string) => new Date(`${day}T00:00:00${BRASILIA_OFFSET}`);

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function attendanceConditions(organizationId: string, f: TAttendanceFilters): SQL[] {
  const conditions: SQL[] = [eq(attendances.organizationId, organizationId)];
  if (f.from) conditions.push(gte(attendances.startedAt, dayStart(f.from)));
  if (f.to) conditions.push(lt(attendances.startedAt, new Date(dayStart(f.to).getTime() + DAY_MS)));
  if (f.department) conditions.push(eq(attendances.department, f.department));
  if (f.operator) conditions.push(eq(attendances.operator, f.operator));
  if (f.status) conditions.push(eq(attendances.status, f.status));
  if (f.rating) conditions.push(eq(attendances.rating, f.rating));
  if (f.q) {
    // "+55 (44) 99999-9999" searches the digits; anything with a letter searches the name.
    const digits = f.q.replace(/[\s()+.-]/g, "");
    const term = /^\d+$/.test(digits) ? digits : normaliseSearch(f.q);
    if (term) conditions.push(like(attendances.searchText, `%${escapeLike(term)}%`));
  }
  return conditions;
}

export interface Cursor {
  startedAt: Date;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.startedAt.toISOString()}|${c.id}`, "utf8").toString("base64url");
}

/** null for anything that is not a cursor this module wrote. */
export function decodeCursor(raw: string): Cursor | null {
  const [iso, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  if (!iso || !id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const startedAt = new Date(iso);
  return Number.isNaN(startedAt.getTime()) ? null : { startedAt, id };
}

/** Rows after the cursor in (started_at desc, id desc) order. */
export function afterCursor(c: Cursor): SQL {
  return sql`(${attendances.startedAt}, ${attendances.id}) < (${c.startedAt.toISOString()}::timestamptz, ${c.id}::uuid)`;
}

export const whereAll = (conditions: SQL[]) => and(...conditions);
