/**
 * The integrator's primary colour: parsing, WCAG contrast, and the shades the portal derives from
 * it (browser-safe, no dependencies). The portal puts white text on the colour (primary buttons)
 * and the colour on white and on its own light tints (links, highlighted panels), so a colour is
 * accepted only when both reach WCAG AA for normal text (4.5:1).
 */

/** WCAG AA for normal-size text. */
export const AA_CONTRAST = 4.5;

/** The portal's own green (tailwind.config.ts's brand-700), used when no colour is saved. */
export const DEFAULT_PRIMARY_COLOR = "#027a48";

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** "#0A5", "0a5", "#00AA55" → "#00aa55"; anything else → null. */
export function normalizeHex(raw: string): string | null {
  const match = HEX.exec(raw.trim());
  if (!match) return null;
  const digits = match[1]!.toLowerCase();
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
  return `#${full}`;
}

type Rgb = readonly [number, number, number];

function rgbOf(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hexOf([r, g, b]: Rgb): string {
  return `#${[r, g, b]
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

/** WCAG 2 relative luminance of a "#rrggbb" colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = rgbOf(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `color` mixed with `other` (0: all `color`, 1: all `other`), in sRGB. */
export function mix(color: string, other: string, amount: number): string {
  const a = rgbOf(color);
  const b = rgbOf(other);
  return hexOf([0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * amount) as unknown as Rgb);
}

/**
 * The shades the portal uses, as tailwind.config.ts's brand scale names them: 700 is the colour
 * itself (primary buttons, links), 600 the focus ring, 800/900 hover and pressed (darker), and
 * 50–200 the light tints behind highlighted panels.
 */
export function brandShades(primary: string): Record<"50" | "100" | "200" | "600" | "700" | "800" | "900", string> {
  return {
    "50": mix(primary, "#ffffff", 0.94),
    "100": mix(primary, "#ffffff", 0.86),
    "200": mix(primary, "#ffffff", 0.7),
    "600": primary,
    "700": primary,
    "800": mix(primary, "#000000", 0.2),
    "900": mix(primary, "#000000", 0.35),
  };
}

/** The CSS custom properties the root layout sets for a saved colour (app/globals.css has the defaults). */
export function brandCssVariables(primary: string): Record<string, string> {
  return Object.fromEntries(Object.entries(brandShades(primary)).map(([shade, value]) => [`--brand-${shade}`, value]));
}

export interface ColorCheck {
  /** White text on the colour (a primary button). */
  withWhiteText: number;
  /** The colour as text on its lightest tint (a link inside a highlighted panel). */
  onLightTint: number;
  passes: boolean;
}

/** How readable the portal stays with this colour; `passes` when both ratios reach AA. */
export function checkPrimaryColor(hex: string): ColorCheck {
  const withWhiteText = contrastRatio(hex, "#ffffff");
  const onLightTint = contrastRatio(hex, brandShades(hex)["50"]);
  return { withWhiteText, onLightTint, passes: withWhiteText >= AA_CONTRAST && onLightTint >= AA_CONTRAST };
}

/** A ratio rounded down to one decimal (4.46 → 4.4), so a failing colour never reads "4.5:1". */
export const roundRatioDown = (ratio: number): number => Math.floor(ratio * 10) / 10;
