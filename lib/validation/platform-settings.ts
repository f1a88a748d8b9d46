/**
 * Configuração da plataforma (/admin/settings): the console's form and console.settings.update
 * share this schema. Every field may be left empty to use the default (the environment's value,
 * else the portal's own); the reason is required, as for every staff action.
 */
import { z } from "zod/mini";
import { checkPrimaryColor, normalizeHex, roundRatioDown } from "@/lib/branding/color";
import { LOGO_MAX_BYTES, bytesFromBase64, checkLogo, logoProblemMessage } from "@/lib/branding/logo";
import { ruleMessage, tooLong } from "@/lib/i18n/rule-message";
import { ZEmail } from "./fields";
import { singleLineText } from "./text";

/** The product name's limit (as PORTAL_PRODUCT_NAME's). */
export const PRODUCT_NAME_MAX = 80;
export const REASON_MAX = 500;

/** "49.90", "49,90" or "49": reais per seat per month (lib/plan/price.ts parses it). */
const PRICE = /^\d{1,6}([.,]\d{1,2})?$/;

const ZProductName = singleLineText().check(z.maxLength(PRODUCT_NAME_MAX, tooLong(PRODUCT_NAME_MAX)));

const ZPrimaryColor = singleLineText().check(
  z.superRefine((value, ctx) => {
    if (value === "") return;
    const hex = normalizeHex(value);
    if (!hex) {
      ctx.addIssue({ code: "custom", message: "validation.colorHex", input: value });
      return;
    }
    const check = checkPrimaryColor(hex);
    if (check.withWhiteText < 4.5)
      ctx.addIssue({
        code: "custom",
        message: ruleMessage("validation.colorContrastWhite", { ratio: roundRatioDown(check.withWhiteText) }),
        input: value,
      });
    else if (!check.passes)
      ctx.addIssue({
        code: "custom",
        message: ruleMessage("validation.colorContrastTint", { ratio: roundRatioDown(check.onLightTint) }),
        input: value,
      });
  }),
);

const ZSupportEmail = singleLineText().check(
  z.refine((v: string) => v === "" || ZEmail.safeParse(v).success, { error: "validation.email" }),
);

const ZPricePerSeat = singleLineText().check(
  z.refine((v: string) => v === "" || (PRICE.test(v) && /[1-9]/.test(v)), { error: "validation.price" }),
);

/** Base64 of at most LOGO_MAX_BYTES bytes. */
const LOGO_MAX_BASE64 = Math.ceil(LOGO_MAX_BYTES / 3) * 4;

/** What happens to the logo: kept as it is, removed (the default mark), or replaced by a new file. */
export const ZLogoChange = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("keep") }),
  z.strictObject({ kind: z.literal("remove") }),
  z.strictObject({
    kind: z.literal("upload"),
    /** The file's bytes in base64. */
    data: z.string().check(
      z.superRefine((data, ctx) => {
        // A file larger than the limit is refused before its bytes are decoded.
        if (data.length > LOGO_MAX_BASE64 + 4) {
          ctx.addIssue({ code: "custom", message: logoProblemMessage("tooLarge"), input: "" });
          return;
        }
        const bytes = bytesFromBase64(data);
        const check = bytes ? checkLogo(bytes) : ({ ok: false, problem: "type" } as const);
        if (!check.ok) ctx.addIssue({ code: "custom", message: logoProblemMessage(check.problem), input: "" });
      }),
    ),
  }),
]);
export type TLogoChange = z.infer<typeof ZLogoChange>;

export const ZPlatformSettingsInput = z.strictObject({
  productName: ZProductName,
  primaryColor: ZPrimaryColor,
  supportEmail: ZSupportEmail,
  pricePerSeat: ZPricePerSeat,
  logo: ZLogoChange,
  reason: singleLineText().check(
    z.minLength(3, { error: "validation.reasonRequired" }),
    z.maxLength(REASON_MAX, tooLong(REASON_MAX)),
  ),
});
export type TPlatformSettingsInput = z.infer<typeof ZPlatformSettingsInput>;
