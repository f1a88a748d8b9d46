/**
 * The message files: pt-BR and en have the same namespaces and keys, every message parses as ICU,
 * and in pt-BR every plural that has a `one` form also has `=0` — Portuguese's `one` covers 0, so
 * without it a zero count reads "0 inativo" (issue 14 item 10).
 */
// The ICU parser next-intl itself formats with (use-intl → intl-messageformat); not a new package.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.join(__dirname, "../../messages");
const LOCALES = ["pt-BR", "en"] as const;

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ""): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

function messagesOf(locale: string): Map<string, string> {
  const entries = readdirSync(path.join(ROOT, locale))
    .filter((file) => file.endsWith(".json"))
    .flatMap((file) =>
      flatten(
        JSON.parse(readFileSync(path.join(ROOT, locale, file), "utf8")) as Tree,
        `${file.replace(/\.json$/, "")}.`,
      ),
    );
  return new Map(entries);
}

/** The arguments of plurals that have `one` but no `=0`, anywhere in the message. */
function pluralsWithoutZero(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((el) => {
    if (el.type === TYPE.plural) {
      const own = "one" in el.options && !("=0" in el.options) ? [el.value] : [];
      return [...own, ...Object.values(el.options).flatMap((option) => pluralsWithoutZero(option.value))];
    }
    if (el.type === TYPE.select) return Object.values(el.options).flatMap((option) => pluralsWithoutZero(option.value));
    if (el.type === TYPE.tag) return pluralsWithoutZero(el.children);
    return [];
  });
}

describe("message files", () => {
  const byLocale = Object.fromEntries(LOCALES.map((locale) => [locale, messagesOf(locale)]));

  it("pt-BR and en have the same keys", () => {
    const pt = [...byLocale["pt-BR"]!.keys()].sort();
    const en = [...byLocale.en!.keys()].sort();
    expect(pt.length).toBeGreaterThan(100);
    expect(
      en.filter((key) => !byLocale["pt-BR"]!.has(key)),
      "only in en",
    ).toEqual([]);
    expect(
      pt.filter((key) => !byLocale.en!.has(key)),
      "only in pt-BR",
    ).toEqual([]);
  });

  it.each(LOCALES)("every %s message parses as ICU", (locale) => {
    const broken: string[] = [];
    for (const [key, message] of byLocale[locale]!) {
      try {
        parse(message);
      } catch (error) {
        broken.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("in pt-BR, a plural with a `one` form says what zero is (=0)", () => {
    const missing = [...byLocale["pt-BR"]!].flatMap(([key, message]) =>
      pluralsWithoutZero(parse(message)).map((arg) => `${key} {${arg}}`),
    );
    expect(missing).toEqual([]);
  });

  it("the dashboard's counts: none, one, many", async () => {
    const { createTranslator } = await import("use-intl/core");
    const messages = { dashboard: JSON.parse(readFileSync(path.join(ROOT, "pt-BR/dashboard.json"), "utf8")) as Tree };
    const t = createTranslator({ locale: "pt-BR", messages });
    const counts = (active: number, inactive: number) =>
      t("dashboard.activeInactive" as never, { active, inactive } as never);
    expect(counts(1, 0)).toBe("1 ativo · nenhum inativo");
    expect(counts(2, 1)).toBe("2 ativos · 1 inativo");
    expect(counts(0, 2)).toBe("nenhum ativo · 2 inativos");
  });
});
