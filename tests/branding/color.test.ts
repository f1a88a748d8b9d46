/** The primary colour: hex parsing, WCAG contrast, and shades that keep the portal readable. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  brandCssVariables,
  brandShades,
  checkPrimaryColor,
  contrastRatio,
  DEFAULT_PRIMARY_COLOR,
  normalizeHex,
  roundRatioDown,
} from "@/lib/branding/color";

describe("normalizeHex", () => {
  it("takes #rgb and #rrggbb, with or without #, in any case", () => {
    expect(normalizeHex("#0A5")).toBe("#00aa55");
    expect(normalizeHex(" 7C3AED ")).toBe("#7c3aed");
    expect(normalizeHex("#7c3aed")).toBe("#7c3aed");
  });
  it("refuses anything else", () => {
    for (const bad of ["", "#", "#12", "#1234", "#12345g", "red", "rgb(0,0,0)", "#7c3aed00"]) {
      expect(normalizeHex(bad), bad).toBeNull();
    }
  });
});

describe("contrast", () => {
  it("matches WCAG's reference values", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // #767676 is the classic lightest grey that passes AA on white (4.54:1).
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });

  it("accepts the portal's own green and dark colours; refuses light ones, saying the ratio", () => {
    expect(checkPrimaryColor(DEFAULT_PRIMARY_COLOR).passes).toBe(true);
    expect(checkPrimaryColor("#5b21b6").passes).toBe(true);
    const yellow = checkPrimaryColor("#facc15");
    expect(yellow.passes).toBe(false);
    expect(roundRatioDown(yellow.withWhiteText)).toBe(1.5);
    // Just above 4.5:1 with white, but a link in it on its own light tint would fall below.
    const borderline = checkPrimaryColor("#767676");
    expect(borderline.withWhiteText).toBeGreaterThanOrEqual(4.5);
    expect(borderline.onLightTint).toBeLessThan(4.5);
    expect(borderline.passes).toBe(false);
  });

  it("rounds a ratio down, so a failing one never reads 4.5", () => {
    expect(roundRatioDown(4.49)).toBe(4.4);
    expect(roundRatioDown(5.27)).toBe(5.2);
  });
});

describe("derived shades", () => {
  const hex = fc
    .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
    .map(([r, g, b]) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, "0")).join("")}`);

  it("for every accepted colour, every pairing the portal draws stays at AA", () => {
    fc.assert(
      fc.property(hex, (color) => {
        fc.pre(checkPrimaryColor(color).passes);
        const s = brandShades(color);
        // White text on buttons (700) and on their hover (800); links (700, 800) on white and on the tints.
        for (const fg of [s["700"], s["800"], s["900"]]) {
          expect(contrastRatio(fg, "#ffffff")).toBeGreaterThanOrEqual(4.5);
          expect(contrastRatio(fg, s["50"])).toBeGreaterThanOrEqual(4.5);
        }
        // The focus ring (600) against white: at least 3:1 for a non-text outline.
        expect(contrastRatio(s["600"], "#ffffff")).toBeGreaterThanOrEqual(3);
      }),
      { numRuns: 500 },
    );
  });

  it("hover is darker and tints are lighter than the colour", () => {
    const s = brandShades("#5b21b6");
    expect(contrastRatio(s["800"], "#ffffff")).toBeGreaterThan(contrastRatio("#5b21b6", "#ffffff"));
    expect(contrastRatio(s["50"], "#ffffff")).toBeLessThan(contrastRatio(s["200"], "#ffffff"));
    expect(brandCssVariables("#5b21b6")).toMatchObject({ "--brand-700": "#5b21b6", "--brand-600": "#5b21b6" });
    expect(Object.keys(brandCssVariables("#5b21b6")).sort()).toEqual(
      ["--brand-50", "--brand-100", "--brand-200", "--brand-600", "--brand-700", "--brand-800", "--brand-900"].sort(),
    );
  });
});
