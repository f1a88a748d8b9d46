import { getFormatter, getTranslations } from "next-intl/server";
import type { SupportScope } from "@/server/auth/org-scope";
import { leaveSupport } from "./actions";

/** The strip over every page platform staff open under a support grant: read-only, until when, and the way out. */
export async function SupportBanner({ org, support }: { org: string; support: SupportScope }) {
  const [t, format] = await Promise.all([getTranslations("support.banner"), getFormatter()]);
  const until = format.dateTime(support.expiresAt, { dateStyle: "short", timeStyle: "short" });
  return (
    <div role="status" className="border-b border-warning-700/30 bg-warning-50" data-testid="support-banner">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-2 text-sm text-warning-700 sm:px-6">
        <p className="min-w-0 font-medium">{t("text", { org, until })}</p>
        <form action={leaveSupport}>
          <button type="submit" className="font-semibold text-slate-900 underline">
            {t("leave")}
          </button>
        </form>
      </div>
    </div>
  );
}
