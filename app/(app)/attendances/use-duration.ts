"use client";
import { useTranslations } from "next-intl";

/** "12 min", "1 h 5 min", "menos de 1 min". */
export function useDuration(): (ms: number) => string {
  const t = useTranslations("attendances");
  return (ms) => {
    const minutes = Math.floor(ms / 60_000);
    if (minutes < 60) return t("minutes", { minutes });
    return t("hours", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  };
}
