"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Previous / next with "page X of Y" and the total; shared by the team tables. */
export function Pagination({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const t = useTranslations("team.common");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav
      aria-label={t("page", { page, pages })}
      className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700"
    >
      <span>{t("total", { count: total })}</span>
      <div className="flex items-center gap-3">
        <Button
          type="button"
          variant="secondary"
          className="px-3 py-1.5 disabled:opacity-50"
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
        >
          {t("previous")}
        </Button>
        <span aria-live="polite">{t("page", { page, pages })}</span>
        <Button
          type="button"
          variant="secondary"
          className="px-3 py-1.5 disabled:opacity-50"
          disabled={page >= pages}
          onClick={() => onPage(page + 1)}
        >
          {t("next")}
        </Button>
      </div>
    </nav>
  );
}
