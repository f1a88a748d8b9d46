/** The logo: the type read from the bytes, the size limit, and SVGs that could run or load anything refused. */
import { describe, expect, it } from "vitest";
import {
  base64FromBytes,
  bytesFromBase64,
  checkLogo,
  isSafeSvg,
  LOGO_MAX_BYTES,
  logoProblemMessage,
} from "@/lib/branding/logo";

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));
const svg = (body: string) => bytes(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${body}</svg>`);

describe("checkLogo", () => {
  it("reads PNG and JPEG from their signatures, whatever the file is called", () => {
    expect(checkLogo(bytes(PNG_HEAD, [0, 0, 0, 13]))).toEqual({ ok: true, type: "image/png" });
    expect(checkLogo(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toEqual({ ok: true, type: "image/jpeg" });
  });

  it("takes an SVG with an XML declaration, a comment, gradients and internal references", () => {
    const text = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>
<!-- Logo da Padaria -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 64 64">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#5b21b6"/></linearGradient><path id="p" d="M0 0h64v64H0z"/></defs>
  <use xlink:href="#p" fill="url(#g)"/><style>.a{fill:url( #g )}</style><text x="4" y="40">Pão</text>
</svg>`;
    expect(checkLogo(bytes(text))).toEqual({ ok: true, type: "image/svg+xml" });
  });

  it("refuses other types (GIF, HTML, plain text, bytes that are not UTF-8)", () => {
    expect(checkLogo(bytes("GIF89a\u0001\u0000"))).toEqual({ ok: false, problem: "type" });
    expect(checkLogo(bytes("<html><svg></svg></html>"))).toEqual({ ok: false, problem: "type" });
    expect(checkLogo(bytes("logo"))).toEqual({ ok: false, problem: "type" });
    expect(checkLogo(bytes([0xc3, 0x28, 0x3c, 0x73, 0x76, 0x67]))).toEqual({ ok: false, problem: "type" });
  });

  it("refuses an empty file and one over 200 kB", () => {
    expect(checkLogo(new Uint8Array())).toEqual({ ok: false, problem: "empty" });
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(PNG_HEAD);
    expect(checkLogo(big)).toEqual({ ok: false, problem: "tooLarge" });
    const limit = new Uint8Array(LOGO_MAX_BYTES);
    limit.set(PNG_HEAD);
    expect(checkLogo(limit)).toEqual({ ok: true, type: "image/png" });
  });

  it.each([
    ["a script", `<script>alert(1)</script>`],
    ["a namespaced script", `<svg:script>alert(1)</svg:script>`],
    ["a script in another case", `<SCRIPT >alert(1)</SCRIPT>`],
    ["an event handler", `<rect width="10" height="10" onload="alert(1)"/>`],
    ["an event handler after a slash", `<rect/onclick="alert(1)"/>`],
    ["foreign HTML", `<foreignObject><div>x</div></foreignObject>`],
    ["a javascript: link", `<a href="javascript:alert(1)"><rect/></a>`],
    ["an external image", `<image href="https://evil.example/x.png"/>`],
    ["an external use", `<use xlink:href="http://evil.example/s.svg#a"/>`],
    ["an embedded SVG document", `<image href="data:image/svg+xml;base64,PHN2Zz4="/>`],
    ["a style import", `<style>@import url(https://evil.example/a.css);</style>`],
    ["an external style url", `<rect style="fill:url(https://evil.example/x)"/>`],
    ["an animation that could swap a link", `<animate attributeName="href" to="#a"/>`],
    ["an iframe", `<iframe src="https://evil.example"/>`],
  ])("refuses an SVG with %s", (_label, body) => {
    expect(checkLogo(svg(body))).toEqual({ ok: false, problem: "svgUnsafe" });
  });

  it("refuses entity declarations (a DOCTYPE)", () => {
    const text = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>`;
    expect(checkLogo(bytes(text))).toEqual({ ok: false, problem: "type" });
    expect(isSafeSvg(`<svg><!DOCTYPE x></svg>`)).toBe(false);
  });

  it("allows an embedded raster image", () => {
    expect(checkLogo(svg(`<image href="data:image/png;base64,iVBORw0KGgo="/>`))).toEqual({
      ok: true,
      type: "image/svg+xml",
    });
  });

  it("names each refusal with its message key", () => {
    expect(logoProblemMessage("tooLarge")).toBe("validation.logoTooLarge?max=200");
    expect(logoProblemMessage("svgUnsafe")).toBe("validation.logoUnsafeSvg");
    expect(logoProblemMessage("type")).toBe("validation.logoType");
    expect(logoProblemMessage("empty")).toBe("validation.logoEmpty");
  });
});

describe("base64", () => {
  it("round-trips bytes and refuses what is not base64", () => {
    const data = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    expect(bytesFromBase64(base64FromBytes(data))).toEqual(data);
    expect(bytesFromBase64("not base64!")).toBeNull();
    expect(bytesFromBase64("abc")).toBeNull();
  });
});
