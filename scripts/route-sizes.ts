/**
 * First Load JS per route of the last `next build` (Next 16 no longer prints it):
 * reads .next/diagnostics/route-bundle-stats.json and adds the gzip size of each route's chunks.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

interface RouteStats {
  route: string;
  firstLoadUncompressedJsBytes: number;
  firstLoadChunkPaths: string[];
}

const stats = JSON.parse(readFileSync(".next/diagnostics/route-bundle-stats.json", "utf8")) as RouteStats[];
const gzipCache = new Map<string, number>();
const gzipSize = (file: string) => {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(file), { level: 9 }).length;
    gzipCache.set(file, size);
  }
  return size;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

console.log("Route                              First Load JS (gzip)   uncompressed");
for (const r of [...stats].sort((a, b) => a.route.localeCompare(b.route))) {
  const gz = r.firstLoadChunkPaths.reduce((sum, f) => sum + gzipSize(f), 0);
  console.log(`${r.route.padEnd(35)}${kb(gz).padStart(20)}   ${kb(r.firstLoadUncompressedJsBytes).padStart(12)}`);
}
