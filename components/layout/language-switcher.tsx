import { getLocale, getTranslations } from "next-intl/server";
import { clsx } from "clsx";
import { locales } from "@/lib/i18n/config";
import { setLocaleAction } from "@/lib/i18n/actions";

const SHORT: Record<(typeof locales)[number], string> = { "pt-BR": "PT", en: "EN" };

/** Two buttons in a form: works without JavaScript, remembered in a cookie. */
export async function LanguageSwitcher() {
  const [current, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return (
    <form action={setLocaleAction} className="flex items-center gap-1 text-sm" aria-label={t("language")}>
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className={clsx(
            "rounded-md px-2 py-1",
            locale === current ? "bg-slate-200 font-semibold text-slate-900" : "text-slate-600 hover:bg-slate-100",
          )}
        >
          {/* A phone shows the short code, and its name starts with it ("PT Português") for voice control. */}
          <span className="sm:hidden">
            {SHORT[locale]}
            <span className="sr-only"> {t(`languages.${locale}`)}</span>
          </span>
          <span className="max-sm:hidden">{t(`languages.${locale}`)}</span>
        </button>
      ))}
    </form>
  );
}
