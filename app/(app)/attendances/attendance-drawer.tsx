"use client";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Drawer } from "@/components/ui/drawer";
import { useTRPC } from "@/lib/trpc/react";
import { useDuration } from "./use-duration";

/** One attendance's fields and message count, beside the list. */
export function AttendanceDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useTranslations("attendances");
  const tc = useTranslations("common");
  const format = useFormatter();
  const duration = useDuration();
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.attendances.get.queryOptions({ id: id ?? "" }), enabled: id !== null });
  const a = data && data.id === id ? data : undefined;
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short" }) : t("unknown"));
  const fields: Array<[string, React.ReactNode]> = a
    ? [
        [t("customer"), a.customerName ?? t("unknown")],
        [t("phone"), a.phone ?? t("unknown")],
        [t("department"), a.department ?? t("unknown")],
        [t("operator"), a.operator ?? t("unknown")],
        [
          t("status"),
          <Badge key="s" tone={a.status === "open" ? "info" : "neutral"}>
            {t(`statuses.${a.status}`)}
          </Badge>,
        ],
        [t("rating"), a.rating === null ? t("noRating") : t("ratingValue", { rating: a.rating })],
        [t("observation"), a.ratingObservation || t("noObservation")],
        [t("started"), when(a.startedAt)],
        [t("finished"), when(a.finishedAt)],
        [t("duration"), a.durationMs === null ? t("unknown") : duration(a.durationMs)],
        [t("messagesLabel"), t("messages", { count: a.messages })],
      ]
    : [];
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={a ? t("detailsOf", { number: a.attendanceNumber }) : tc("loading")}
      closeLabel={tc("close")}
    >
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-3 text-sm" data-testid="attendance-details">
        {fields.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </Drawer>
  );
}
