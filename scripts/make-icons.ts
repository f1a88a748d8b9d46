/**
 * Draws the portal's icon — a white chat bubble with three dots on the brand green, the same
 * shapes as app/icon.svg — into the raster files browsers ask for by name:
 *
 *   app/favicon.ico      16, 32 and 48 px (PNG images in an ICO container)
 *   app/apple-icon.png   180 px, square (iOS rounds the corners itself)
 *
 *   npx tsx scripts/make-icons.ts     (after changing the shapes below or app/icon.svg)
 *
 * Plain code, no image library: each pixel is the coverage of 8×8 samples of the shapes.
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

type Rgba = [number, number, number, number];
const BRAND: Rgba = [0x02, 0x7a, 0x48, 255]; // tailwind brand-700
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Inside a rectangle with round corners (all in the 64-unit design space of app/icon.svg). */
function inRoundRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inTriangle(x: number, y: number, [ax, ay, bx, by, cx, cy]: number[]): boolean {
  const side = (px: number, py: number, qx: number, qy: number) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = side(ax!, ay!, bx!, by!);
  const d2 = side(bx!, by!, cx!, cy!);
  const d3 = side(cx!, cy!, ax!, ay!);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/** The colour at a point of the design: background, bubble (rounded body + tail), dots. */
function colourAt(x: number, y: number, roundedBackground: boolean): Rgba {
  if (roundedBackground && !inRoundRect(x, y, 0, 0, 64, 64, 14)) return CLEAR;
  for (const dx of [23, 32, 41]) if ((x - dx) ** 2 + (y - 30) ** 2 <= 3.5 ** 2) return BRAND;
  if (inRoundRect(x, y, 10, 14, 54, 46, 8) || inTriangle(x, y, [18, 46, 28, 46, 18, 54])) return WHITE;
  return BRAND;
}

function render(size: number, roundedBackground: boolean): Buffer {
  const samples = 8;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum: Rgba = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [r, g, b, a] = colourAt(
            ((px + (sx + 0.5) / samples) * 64) / size,
            ((py + (sy + 0.5) / samples) * 64) / size,
            roundedBackground,
          );
          // Premultiplied, so transparent samples do not darken the edge.
          sum[0] += (r * a) / 255;
          sum[1] += (g * a) / 255;
          sum[2] += (b * a) / 255;
          sum[3] += a;
        }
      }
      const n = samples * samples;
      const alpha = sum[3] / n;
      const i = (py * size + px) * 4;
      pixels[i] = alpha ? Math.round(((sum[0] / n) * 255) / alpha) : 0;
      pixels[i + 1] = alpha ? Math.round(((sum[1] / n) * 255) / alpha) : 0;
      pixels[i + 2] = alpha ? Math.round(((sum[2] / n) * 255) / alpha) : 0;
      pixels[i + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG of `size`×`size` pixels. */
function png(size: number, pixels: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An ICO file holding one PNG per size (read by every browser since 2007). */
function ico(images: Array<{ size: number; data: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0);
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

const favicon = ico([16, 32, 48].map((size) => ({ size, data: png(size, render(size, true)) })));
writeFileSync("app/favicon.ico", favicon);
writeFileSync("app/apple-icon.png", png(180, render(180, false)));
console.log(`app/favicon.ico ${favicon.length} B, app/apple-icon.png written`);
