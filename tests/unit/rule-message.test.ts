/** Rule messages carry their numbers ("say the limit"), and a past moment never reads as the future (issue 14 item 10). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { notAfter } from "@/lib/i18n/past";
import { parseRuleMessage, ruleMessage } from "@/lib/i18n/rule-message";
import { ZPersonName } from "@/lib/validation/fields";

type Locale = "pt-BR" | "en";
const validation = (locale: Locale) =>
  JSON.parse(readFileSync(path.join(__dirname, `../../messages/${locale}/validation.json`), "utf8")) as Record<
    string,
    string
  >;

describe("rule messages", () => {
  it("a key with numbers goes there and back; a plain key has none", () => {
    expect(ruleMessage("validation.tooLong", { max: 60 })).toBe("validation.tooLong?max=60");
    expect(parseRuleMessage("validation.tooLong?max=60")).toEqual({ key: "validation.tooLong", params: { max: 60 } });
    expect(parseRuleMessage("validation.email")).toEqual({ key: "validation.email", params: {} });
  });

  it("a name over the limit says the limit, in both languages", () => {
    const result = ZPersonName.safeParse("x".repeat(121));
    expect(result.success).toBe(false);
    const { key, params } = parseRuleMessage(result.error!.issues[0]!.message);
    expect(key).toBe("validation.tooLong");
    const say = (locale: Locale) =>
      createTranslator({ locale, messages: { validation: validation(locale) } })(key as "validation.tooLong", params);
    expect(say("pt-BR")).toBe("Use no máximo 120 caracteres.");
    expect(say("en")).toBe("Use at most 120 characters.");
  });
});

describe("notAfter", () => {
  const now = new Date("2026-12-03T13:00:00Z");
  it("keeps a past moment and brings a future one back to now", () => {
    expect(notAfter("2026-12-03T12:59:00Z", now).toISOString()).toBe("2026-12-03T12:59:00.000Z");
    expect(notAfter("2026-12-03T13:00:01Z", now)).toBe(now);
  });
  it("so a check a second 'ahead' reads as now, not 'em 1 segundo'", () => {
    const format = new Intl.RelativeTimeFormat("pt-BR", { numeric: "auto" });
    const seconds = (notAfter("2026-12-03T13:00:01Z", now).getTime() - now.getTime()) / 1000;
    expect(format.format(seconds, "second")).toBe("agora");
  });
});
