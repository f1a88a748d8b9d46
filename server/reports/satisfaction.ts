/**
 * Satisfaction reports through the chat provider's survey calls (by date, by operator, by
 * ticket), vendor-neutral. A period's answer is cached per organization, period and operator for
 * REPORTS_CACHE_SECONDS (./cache); when the chat fails, the last answer is returned marked stale
 * with the failure's app code, and with none to fall back on the failure is thrown (the API layer
 * maps it once, server/errors/vendor.ts).
 */
import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { starsOf, momentOf } from "@/lib/reports/aggregate";
import { rangeBounds } from "@/lib/reports/range";
import type { ReportEntry, ReportRange } from "@/lib/reports/types";
import { env } from "@/server/config/env";
import type { Db } from "@/server/db/client";
import { operators } from "@/server/db/schema";
import { appError, type AppErrorCode } from "@/server/errors";
import { providerErrorToAppCode } from "@/server/errors/vendor";
import { isProviderError } from "@/server/providers/errors";
import type { ChatProvider, SatisfactionEntry } from "@/server/providers/types";
import { requireSyncedAccount } from "@/server/provisioning";
import { reportCache, reportCacheKey, type ReportCache } from "./cache";

export interface SatisfactionReport {
  entries: ReportEntry[];
  fetchedAt: number;
  /** The chat did not answer now: this is the last result it gave. */
  stale: boolean;
  /** Why the chat did not answer (only when stale). */
  failure: AppErrorCode | null;
}

export interface ReportOptions {
  now?: number;
  cache?: ReportCache;
  /** How long a result is answered without asking the chat (ms). */
  ttlMs?: number;
}

export function toReportEntry(e: SatisfactionEntry): ReportEntry {
  return {
    attendanceNumber: e.attendanceNumber,
    customerName: e.customer.name,
    customerPhone: e.customer.phone,
    startTime: e.startTime?.getTime() ?? null,
    endTime: e.endTime?.getTime() ?? null,
    operators: e.operators,
    rating: starsOf(e.ratingValue),
    observation: e.ratingObservation?.trim() || null,
  };
}

/** Newest first; attendances without a moment last. */
function newestFirst(a: ReportEntry, b: ReportEntry): number {
  return (momentOf(b) ?? -Infinity) - (momentOf(a) ?? -Infinity);
}

/** The organization's operators that exist in the chat (their chat id), for the operator filter. */
export async function reportOperators(db: Db, organizationId: string) {
  return db
    .select({ id: operators.id, name: operators.name, vendorId: operators.vendorId })
    .from(operators)
    .where(and(eq(operators.organizationId, organizationId), isNotNull(operators.vendorId)));
}

/** One call at a time per report: visitors arriving together share the chat's answer. */
const inFlight = new Map<string, Promise<ReportEntry[]>>();

export async function loadSatisfactionReport(
  db: Db,
  provider: ChatProvider,
  organizationId: string,
  input: { range: ReportRange; operatorId?: string | null },
  options: ReportOptions = {},
): Promise<SatisfactionReport> {
  if (!provider.capabilities.satisfaction) throw appError("NOT_SUPPORTED");
  const now = options.now ?? Date.now();
  const cache = options.cache ?? reportCache;
  const ttlMs = options.ttlMs ?? env.REPORTS_CACHE_SECONDS * 1000;
  const account = await requireSyncedAccount(db, organizationId);
  let operatorVendorId: string | null = null;
  if (input.operatorId) {
    const [op] = await db
      .select({ vendorId: operators.vendorId })
      .from(operators)
      .where(and(eq(operators.organizationId, organizationId), eq(operators.id, input.operatorId)));
    // Another organization's operator and a missing one: the same answer.
    if (!op?.vendorId) throw appError("NOT_FOUND", { field: "operator" });
    operatorVendorId = op.vendorId;
  }

  const key = reportCacheKey(organizationId, input.range.from, input.range.to, input.operatorId ?? null);
  const cached = cache.get(key, now);
  if (cached && now - cached.fetchedAt < ttlMs) return { ...cached, stale: false, failure: null };

  const { start, end } = rangeBounds(input.range);
  let pending = inFlight.get(key);
  if (!pending) {
    const range = { start: new Date(start), end: new Date(end) };
    pending = (
      operatorVendorId
        ? provider.satisfactionByOperator(account.vendorAccountId, { ...range, operatorId: operatorVendorId })
        : provider.satisfactionByDate(account.vendorAccountId, range)
    )
      .then((list) =>
        list
          .map(toReportEntry)
          // The period is the vendor's filter too; what it adds outside it is left out.
          .filter((e) => {
            const at = momentOf(e);
            return at === null || (at >= start && at <= end);
          })
          .sort(newestFirst),
      )
      .finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  try {
    const entries = await pending;
    cache.set(key, { entries, fetchedAt: now });
    return { entries, fetchedAt: now, stale: false, failure: null };
  } catch (error) {
    if (cached && isProviderError(error)) {
      return { ...cached, stale: true, failure: providerErrorToAppCode(error) };
    }
    throw error;
  }
}

/** One attendance by its number (ticket); null when the chat has none with it. */
export async function lookupTicket(
  db: Db,
  provider: ChatProvider,
  organizationId: string,
  ticket: number,
): Promise<ReportEntry | null> {
  if (!provider.capabilities.satisfaction) throw appError("NOT_SUPPORTED");
  const account = await requireSyncedAccount(db, organizationId);
  const found = await provider.satisfactionByTicket(account.vendorAccountId, ticket);
  return found ? toReportEntry(found) : null;
}
