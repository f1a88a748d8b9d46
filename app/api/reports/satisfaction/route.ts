/**
 * GET /api/reports/satisfaction?from=…&to=…[&operator=…] — the period's attendances as a CSV a
 * Brazilian spreadsheet opens as is (lib/reports/csv: BOM, `;`, dd/mm/aaaa hh:mm, 4,5). Goes
 * through reports.rows on a server-side caller, so it is scoped, refused and mapped exactly like
 * the API: everyone in the organization may download it; members get masked phones; the same
 * cached answer as the page (the last one, when the chat fails now).
 */
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import { reportCsv } from "@/lib/reports/csv";
import { ZSatisfactionReportInput } from "@/lib/validation/reports";
import { createServerContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const operator = url.searchParams.get("operator");
  const parsed = ZSatisfactionReportInput.safeParse({
    from: url.searchParams.get("from") ?? undefined,
    to: url.searchParams.get("to") ?? undefined,
    ...(operator ? { operator } : {}),
  });
  if (!parsed.success) return new Response(null, { status: 400 });
  const caller = createCaller(await createServerContext());
  let rows;
  try {
    rows = await caller.reports.rows(parsed.data);
  } catch (error) {
    const status = error instanceof TRPCError ? getHTTPStatusCodeFromError(error) : 500;
    return new Response(null, { status, headers: { "cache-control": "private, no-store" } });
  }
  const t = await getTranslations("reports.csv");
  const csv = reportCsv(
    // "+55 …" would read as a formula to a spreadsheet: the number without its plus sign.
    rows.entries.map((e) => ({ ...e, customerPhone: e.customerPhone?.replace(/^\+/, "") ?? null })),
    {
      number: t("number"),
      customer: t("customer"),
      phone: t("phone"),
      started: t("started"),
      finished: t("finished"),
      durationMinutes: t("durationMinutes"),
      operators: t("operators"),
      rating: t("rating"),
      observation: t("observation"),
    },
  );
  const fileName = t("fileName", { from: parsed.data.from, to: parsed.data.to });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      /** When the chat gave these figures (ISO), and whether it failed now (the last answer). */
      "x-report-fetched-at": rows.fetchedAt.toISOString(),
      "x-report-stale": String(rows.stale),
    },
  });
}
