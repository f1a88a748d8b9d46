"use client";
import { clsx } from "clsx";
import { useTranslations } from "next-intl";

/** "Ao vivo" only while the list is really following new arrivals; otherwise says why not. */
export function LiveIndicator({ state }: { state: "live" | "paused" | "offline" }) {
  const t = useTranslations("attendances");
  const label = state === "live" ? t("live") : state === "paused" ? t("paused") : t("offline");
  const help = state === "live" ? t("liveHelp") : state === "paused" ? t("pausedHelp") : undefined;
  return (
    <p role="status" data-testid="live-indicator" data-state={state} className="flex items-center gap-2 text-sm">
      <span
        aria-hidden
        className={clsx(
          "size-2.5 shrink-0 rounded-full",
          state === "live" ? "animate-pulse bg-brand-600" : state === "paused" ? "bg-slate-400" : "bg-warning-600",
        )}
      />
      <span className="whitespace-nowrap font-semibold text-slate-900">{label}</span>
      {help && <span className="text-slate-600">{help}</span>}
    </p>
  );
}
