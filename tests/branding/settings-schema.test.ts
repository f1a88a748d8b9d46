/** The console's form schema (shared with console.settings.update): empty means default; each refusal says why, in a message key. */
import { describe, expect, it } from "vitest";
import { base64FromBytes } from "@/lib/branding/logo";
import { ZPlatformSettingsInput, type TPlatformSettingsInput } from "@/lib/validation/platform-settings";

const EMPTY: TPlatformSettingsInput = {
  productName: "",
  primaryColor: "",
  supportEmail: "",
  pricePerSeat: "",
  logo: { kind: "keep" },
  reason: "ajuste",
};
const messagesFor = (input: Partial<TPlatformSettingsInput>) => {
  const result = ZPlatformSettingsInput.safeParse({ ...EMPTY, ...input });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("ZPlatformSettingsInput", () => {
  it("takes every field empty (the defaults) with a reason", () => {
    expect(messagesFor({})).toEqual([]);
    expect(messagesFor({ logo: { kind: "remove" } })).toEqual([]);
  });

  it("takes a full brand", () => {
    expect(
      messagesFor({
        productName: "Padaria Chat",
        primaryColor: "#5B21B6",
        supportEmail: "suporte@integradora.com.br",
        pricePerSeat: "59,90",
      }),
    ).toEqual([]);
    expect(messagesFor({ pricePerSeat: "120" })).toEqual([]);
    expect(messagesFor({ primaryColor: "027a48" })).toEqual([]);
  });

  it("says what is wrong with a colour, with the contrast it has", () => {
    expect(messagesFor({ primaryColor: "roxo" })).toEqual(["primaryColor: validation.colorHex"]);
    expect(messagesFor({ primaryColor: "#facc15" })).toEqual(["primaryColor: validation.colorContrastWhite?ratio=1.5"]);
    expect(messagesFor({ primaryColor: "#767676" })).toEqual([
      expect.stringMatching(/^primaryColor: validation\.colorContrastTint\?ratio=4\.\d$/),
    ]);
  });

  it("refuses a malformed or zero price, a bad e-mail, a missing reason, a long name", () => {
    expect(messagesFor({ pricePerSeat: "0,00" })).toEqual(["pricePerSeat: validation.price"]);
    expect(messagesFor({ pricePerSeat: "R$ 10" })).toEqual(["pricePerSeat: validation.price"]);
    expect(messagesFor({ pricePerSeat: "10.999" })).toEqual(["pricePerSeat: validation.price"]);
    expect(messagesFor({ supportEmail: "suporte@" })).toEqual(["supportEmail: validation.email"]);
    expect(messagesFor({ reason: "  " })).toEqual(["reason: validation.reasonRequired"]);
    expect(messagesFor({ productName: "x".repeat(81) })).toEqual(["productName: validation.tooLong?max=80"]);
    expect(messagesFor({ productName: "Marca\u0000" })).toEqual(["productName: validation.invalidCharacters"]);
  });

  it("checks an uploaded logo by its bytes", () => {
    const upload = (text: string) => ({
      kind: "upload" as const,
      data: base64FromBytes(new TextEncoder().encode(text)),
    });
    expect(messagesFor({ logo: upload(`<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>`) })).toEqual([]);
    expect(messagesFor({ logo: upload(`<svg onload="alert(1)"></svg>`) })).toEqual([
      "logo.data: validation.logoUnsafeSvg",
    ]);
    expect(messagesFor({ logo: upload("GIF89a") })).toEqual(["logo.data: validation.logoType"]);
    expect(messagesFor({ logo: { kind: "upload", data: "***" } })).toEqual(["logo.data: validation.logoType"]);
    expect(messagesFor({ logo: { kind: "upload", data: "A".repeat(300_000) } })).toEqual([
      "logo.data: validation.logoTooLarge?max=200",
    ]);
  });
});
