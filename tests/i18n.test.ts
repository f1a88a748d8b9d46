import { describe, expect, it } from "vitest";
import { messages } from "@/messages";

function keys(obj: unknown, prefix = ""): string[] {
  if (obj === null || typeof obj !== "object") return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message files", () => {
  it("Portuguese and English have exactly the same keys", () => {
    expect(keys(messages.en).sort()).toEqual(keys(messages["pt-BR"]).sort());
  });

  it("no message is empty", () => {
    for (const locale of ["pt-BR", "en"] as const) {
      const flat = keys(messages[locale]);
      for (const key of flat) {
        const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages[locale]);
        expect(typeof value === "string" && value.trim().length > 0, `${locale}:${key}`).toBe(true);
      }
    }
  });

  it("every validation key used by the shared schemas exists in both languages", async () => {
    const sources = await import("node:fs/promises").then(async (fs) => {
      const dir = new URL("../lib/validation/", import.meta.url);
      const files = await fs.readdir(dir);
      return Promise.all(files.filter((f) => f.endsWith(".ts")).map((f) => fs.readFile(new URL(f, dir), "utf8")));
    });
    const used = new Set(sources.flatMap((s) => [...s.matchAll(/"(validation\.[A-Za-z.]+)"/g)].map((m) => m[1]!)));
    expect(used.size).toBeGreaterThan(3);
    for (const key of used) {
      for (const locale of ["pt-BR", "en"] as const) {
        expect(keys(messages[locale]), `${locale} lacks ${key}`).toContain(key);
      }
    }
  });
});
