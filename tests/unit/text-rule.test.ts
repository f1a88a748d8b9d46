/** The text rule (lib/validation/text.ts): which characters each helper refuses, and how it composes. */
import { describe, expect, it } from "vitest";
import { z } from "zod/mini";
import { ZEmail, ZNewPassword, ZPersonName } from "@/lib/validation/fields";
import {
  isStorableText,
  multiLineText,
  singleLineText,
  TEXT_INVALID_MESSAGE,
  visibleText,
} from "@/lib/validation/text";

const C0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i));
const hex = (c: string) => `U+${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

function messagesOf(result: { success: boolean; error?: { issues: Array<{ message: string }> } }): string[] {
  return result.success ? [] : result.error!.issues.map((i) => i.message);
}

describe("singleLineText", () => {
  const single = singleLineText();

  it.each(C0.map((c) => [hex(c), c]))("refuses %s inside the text", (_name, c) => {
    expect(messagesOf(single.safeParse(`Ana${c}Lima`))).toEqual([TEXT_INVALID_MESSAGE]);
  });

  it("refuses DEL, a lone high surrogate and a lone low surrogate, wherever they are", () => {
    for (const bad of [
      "Ana\u007f",
      "\u007fAna",
      "Ana \ud83d",
      "\ud83d Ana",
      "Ana \ude00",
      "\ude00Ana",
      "a\udc00\ud800b",
    ]) {
      expect(messagesOf(single.safeParse(bad)), JSON.stringify(bad)).toEqual([TEXT_INVALID_MESSAGE]);
    }
  });

  it("accepts accents, emoji pairs (also several in a row), other scripts and symbols", () => {
    for (const good of [
      "João Ávila",
      "Loja 😀",
      "😀😀👍🏽",
      "👨‍👩‍👧",
      "Ñandú ß ç",
      "日本語",
      "€ 10,00 — “aspas”",
      "\u00a0espaço",
    ]) {
      expect(single.safeParse(good), good).toMatchObject({ success: true, data: good.trim() });
    }
  });

  it("trims by default, so a pasted trailing tab or line break is whitespace, not an error", () => {
    expect(single.parse("  Maria\t")).toBe("Maria");
    expect(single.parse("\r\nMaria\n")).toBe("Maria");
    // Inside the text, a tab or a line break is refused.
    expect(single.safeParse("Ma\tria").success).toBe(false);
    expect(single.safeParse("Ma\nria").success).toBe(false);
  });

  it("with { trim: false } keeps the text as typed and refuses a surrounding tab or line break", () => {
    const raw = singleLineText({ trim: false });
    expect(raw.parse("  senha  ")).toBe("  senha  ");
    expect(raw.safeParse("senha\n").success).toBe(false);
    expect(raw.safeParse("\tsenha").success).toBe(false);
  });

  it("refuses what is not a string with the required message", () => {
    expect(messagesOf(single.safeParse(undefined))).toEqual(["validation.required"]);
    expect(messagesOf(single.safeParse(42))).toEqual(["validation.required"]);
  });

  it("composes with min/max/regex: the character message comes first", () => {
    const name = singleLineText().check(
      z.minLength(2, { error: "validation.nameTooShort" }),
      z.maxLength(5, { error: "validation.tooLong" }),
    );
    expect(messagesOf(name.safeParse("abcdef\u0000"))).toEqual([TEXT_INVALID_MESSAGE, "validation.tooLong"]);
    expect(messagesOf(name.safeParse("abcdef"))).toEqual(["validation.tooLong"]);
  });
});

describe("multiLineText", () => {
  const multi = multiLineText();

  it("allows tab, line feed and carriage return, and keeps them", () => {
    expect(multi.parse("linha 1\r\n\tlinha 2\n")).toBe("linha 1\r\n\tlinha 2\n");
  });

  it.each(C0.filter((c) => !"\t\n\r".includes(c)).map((c) => [hex(c), c]))("refuses %s", (_name, c) => {
    expect(messagesOf(multi.safeParse(`linha${c}\nfim`))).toEqual([TEXT_INVALID_MESSAGE]);
  });

  it("refuses DEL and lone surrogates; accepts emoji pairs and accents", () => {
    for (const bad of ["a\u007f", "a\ud800", "a\udfff\nb"])
      expect(multi.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(multi.parse("Olá 😀\nAté já")).toBe("Olá 😀\nAté já");
  });
});

describe("the field schemas built on it", () => {
  it("names, e-mails and passwords refuse NUL with the text message", () => {
    expect(messagesOf(ZPersonName.safeParse("Ana\u0000"))).toContain(TEXT_INVALID_MESSAGE);
    expect(messagesOf(ZEmail.safeParse("ana\u0000@example.com"))).toEqual([TEXT_INVALID_MESSAGE]);
    expect(messagesOf(ZNewPassword.safeParse("uma senha\u0000 longa"))).toContain(TEXT_INVALID_MESSAGE);
    expect(ZEmail.parse(" Ana@Example.com ")).toBe("ana@example.com");
  });
});

describe("isStorableText and visibleText", () => {
  it("isStorableText refuses only what the database cannot hold", () => {
    expect(isStorableText("a\u0000")).toBe(false);
    expect(isStorableText("a\ud800")).toBe(false);
    expect(isStorableText("linha\n\tfim\u0007 😀")).toBe(true);
  });

  it("visibleText replaces every refused character with a space", () => {
    expect(visibleText("Ana\u0000Lima\u007f \ud83d😀")).toBe("Ana Lima   😀");
  });
});
