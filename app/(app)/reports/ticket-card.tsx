/**
 * "Buscar um atendimento": a plain GET form (works before any script loads) and, when the address
 * has ?ticket=N, that attendance from the chat's survey (reports.ticket).
 */
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";
import { ZTicketInput } from "@/lib/validation/reports";
import { serverCaller } from "@/lib/trpc/server";
import { errorSentence, failureOf } from "./error-sentence";

export async function TicketCard({ ticket, keep }: { ticket: string | undefined; keep: URLSearchParams }) {
  const [t, format, caller] = await Promise.all([getTranslations("reports"), getFormatter(), serverCaller()]);
  const asked = ticket?.trim();
  const parsed = asked
    ? ZTicketInput.safeParse({ ticket: /^\d{1,10}$/.test(asked) ? Number(asked) : Number.NaN })
    : null;
  let result: Awaited<ReturnType<typeof caller.reports.ticket>> | undefined;
  let failure: string | null = null;
  if (parsed?.success) {
    try {
      result = await caller.reports.ticket(parsed.data);
    } catch (error) {
      failure = await errorSentence(failureOf(error));
    }
  }
  const when = (ms: number | null) =>
    ms === null ? t("ticket.unknown") : format.dateTime(new Date(ms), { dateStyle: "short", timeStyle: "short" });
  const masked = result?.customerPhone?.includes("·") ?? false;

  return (
    <Card
      as="section"
      title={t("ticket.title")}
      description={t("ticket.description")}
      padding="md"
      id="ticket"
      data-testid="report-ticket"
    >
      <form method="get" action="/reports#ticket" className="flex flex-wrap items-end gap-3">
        {[...keep].map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <TextField
          label={t("ticket.field")}
          name="ticket"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={asked ?? ""}
          error={parsed && !parsed.success ? t("ticket.invalid") : undefined}
          className="w-full sm:w-56"
          required
        />
        <Button type="submit" variant="secondary">
          {t("ticket.submit")}
        </Button>
      </form>
      {failure && <Alert>{failure}</Alert>}
      {parsed?.success && result === null && (
        <p role="status" className="text-sm text-slate-700">
          {t("ticket.notFound", { number: parsed.data.ticket })}
        </p>
      )}
      {result && (
        <div className="flex flex-col gap-3" data-testid="ticket-details">
          <h3 className="font-semibold text-slate-900">
            {t("ticket.resultTitle", { number: result.attendanceNumber ?? parsed?.data?.ticket ?? "" })}
          </h3>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            {(
              [
                [t("ticket.customer"), result.customerName ?? t("ticket.unknown")],
                [t("ticket.phone"), result.customerPhone ?? t("ticket.unknown")],
                [t("ticket.started"), when(result.startTime)],
                [t("ticket.finished"), when(result.endTime)],
                [
                  t("ticket.duration"),
                  result.startTime !== null && result.endTime !== null
                    ? t("ticket.minutes", { minutes: Math.floor((result.endTime - result.startTime) / 60_000) })
                    : t("ticket.unknown"),
                ],
                [t("ticket.operators"), result.operators.map((o) => o.name).join(", ") || t("ticket.unknown")],
                [t("ticket.rating"), result.rating === null ? t("unrated") : t("stars", { stars: result.rating })],
                [t("ticket.observation"), result.observation ?? t("ticket.noObservation")],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-semibold text-slate-600">{label}</dt>
                <dd className="min-w-0 break-words text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
          {masked && <p className="text-xs text-slate-600">{t("ticket.maskedNote")}</p>}
        </div>
      )}
    </Card>
  );
}
