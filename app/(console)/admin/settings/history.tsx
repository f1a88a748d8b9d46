import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PLAN_CURRENCY, reais } from "@/lib/plan/price";

type ChangeValue = string | number | null | { type: string; bytes: number; sha256: string };

export interface HistoryEntry {
  id: string;
  staffName: string;
  reason: string;
  createdAt: Date;
  changes: Record<string, { from: ChangeValue; to: ChangeValue }>;
}

const FIELDS = ["productName", "primaryColor", "supportEmail", "pricePerSeatCents", "logo"] as const;
type FieldName = (typeof FIELDS)[number];

/** The history under the form: who changed what (before → after), when and why. Rendered on the server: no script. */
export async function History({ entries }: { entries: readonly HistoryEntry[] }) {
  const [t, format] = await Promise.all([getTranslations("admin.settings.history"), getFormatter()]);
  const value = (field: FieldName, v: ChangeValue): string => {
    if (v === null) return t("default");
    if (typeof v === "object")
      return t("logoFile", {
        type: v.type === "image/svg+xml" ? "SVG" : v.type === "image/png" ? "PNG" : "JPEG",
        kb: Math.ceil(v.bytes / 1024),
      });
    if (field === "pricePerSeatCents" && typeof v === "number")
      return format.number(reais(v), { style: "currency", currency: PLAN_CURRENCY });
    return String(v);
  };
  return (
    <Card title={t("title")} as="section" titleId="settings-history">
      {entries.length === 0 ? (
        <p className="text-sm text-slate-700">{t("empty")}</p>
      ) : (
        <ol
          className="flex flex-col divide-y divide-slate-200"
          aria-labelledby="settings-history"
          data-testid="settings-history"
        >
          {entries.map((entry) => {
            const fields = FIELDS.filter((f) => f in entry.changes);
            return (
              <li key={entry.id} className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0">
                <p className="text-sm font-semibold text-slate-900">
                  {t("entry", { name: entry.staffName, count: fields.length })}
                  {" · "}
                  <time dateTime={entry.createdAt.toISOString()} className="font-normal text-slate-600">
                    {format.dateTime(entry.createdAt, {
                      dateStyle: "short",
                      timeStyle: "short",
                      timeZone: "America/Sao_Paulo",
                    })}
                  </time>
                </p>
                <ul className="flex flex-col gap-0.5 text-sm text-slate-700">
                  {fields.map((field) => (
                    <li key={field} className="break-words">
                      {t("change", {
                        field: t(`fields.${field}`),
                        from: value(field, entry.changes[field]!.from),
                        to: value(field, entry.changes[field]!.to),
                      })}
                    </li>
                  ))}
                </ul>
                <p className="break-words text-sm text-slate-600">{t("reason", { reason: entry.reason })}</p>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
