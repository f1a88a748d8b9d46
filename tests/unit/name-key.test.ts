/**
 * The JS and SQL halves of "the same name" agree: for random strings of Latin/Portuguese
 * letters (precomposed or with combining marks), digits, punctuation and assorted spaces,
 * `nameKey` (lib/names.ts) and `name_key()` (drizzle/0005_name_key.sql) give the same key —
 * so JS key equality ⇔ SQL key equality — on PGlite and (with TEST_DATABASE_URL) Postgres.
 * The name lookups the operator guard makes stay on operators_org_name_idx.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nameKey, sameName } from "@/lib/names";
import type { Db } from "@/server/db/client";
import { createTestDb, testDbKinds } from "../helpers/db";

const LETTERS = [
  ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
  ..."áàâãäåéèêëíìîïóòôõöúùûüçñýÿÁÀÂÃÄÅÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑÝ",
  ..."ĀāĂăĄąĆćČčĎďĒēĘęĚěĞğİıŁłŃńŇňŐőŒœŘřŚśŞşŠšŢţŤťŮůŰűŸŹźŻżŽžÆæØøÐðÞþß",
];
const OTHERS = [..."0123456789-'.&()/"];
const SPACES = [" ", " ", " ", "\t", "\u00a0", "\u2003"];
const MARKS = ["\u0300", "\u0301", "\u0302", "\u0303", "\u0308", "\u0327"];

/** A small seeded generator (mulberry32): a failure names its seed and replays. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomName(r: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  let s = "";
  const n = 1 + Math.floor(r() * 16);
  for (let i = 0; i < n; i++) {
    const x = r();
    s += x < 0.7 ? pick(LETTERS) : x < 0.8 ? pick(OTHERS) : x < 0.92 ? pick(SPACES) : pick(MARKS);
  }
  return s;
}

/** The same name written differently: case flipped, accents dropped or decomposed, spaces doubled, padded. */
function variant(s: string, r: () => number): string {
  let out = "";
  for (const ch of s) {
    const x = r();
    if (x < 0.2) out += ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase();
    else if (x < 0.35) out += ch.normalize("NFD");
    else if (x < 0.45) out += ch.normalize("NFD").replace(/\p{M}+/gu, "");
    else if (x < 0.5 && /\s/.test(ch)) out += `${ch}  `;
    else out += ch;
  }
  return r() < 0.3 ? `  ${out}\t` : out;
}

/** The rows of a raw query (both drivers answer `{ rows }`). */
function rowsOf<T>(result: unknown): T[] {
  if (typeof result !== "object" || result === null || !("rows" in result) || !Array.isArray(result.rows))
    throw new Error("no rows in the result");
  return result.rows as T[];
}

describe("nameKey (JS)", () => {
  it("folds case and accents, trims, collapses inner spaces", () => {
    expect(nameKey("  João   CONCEIÇÃO\t")).toBe("joao conceicao");
    expect(nameKey("Joa\u0303o")).toBe("joao");
    expect(sameName("joao conceicao", "João Conceição")).toBe(true);
    expect(sameName("João Conceição", "João Conceicão Filho")).toBe(false);
  });
});

describe.each(testDbKinds())("name_key (SQL) agrees with nameKey (JS) (%s)", (kind) => {
  let db: Db;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const handle = await createTestDb(kind);
    db = handle.db;
    close = handle.close;
  }, 60_000);
  afterAll(async () => {
    await close();
  });

  async function sqlKeys(names: string[]): Promise<string[]> {
    const result = await db.execute(
      sql`select name_key(x) as k from jsonb_array_elements_text(${JSON.stringify(names)}::jsonb) with ordinality as t(x, i) order by i`,
    );
    return rowsOf<{ k: string }>(result).map((row) => row.k);
  }

  it("for random names and their variants: the same key, so JS equality ⇔ SQL equality", async () => {
    const seed = Date.now() % 1_000_000;
    const r = rng(seed);
    const names: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const a = randomName(r);
      names.push(a, r() < 0.7 ? variant(a, r) : randomName(r));
    }
    const keys = await sqlKeys(names);
    const disagreements = names.map((n, i) => ({ n, js: nameKey(n), sql: keys[i] })).filter((d) => d.js !== d.sql);
    expect(disagreements, `seed ${seed}`).toEqual([]);
    let equalPairs = 0;
    for (let i = 0; i < names.length; i += 2) {
      const js = nameKey(names[i]!) === nameKey(names[i + 1]!);
      expect(keys[i] === keys[i + 1], `seed ${seed}: ${JSON.stringify([names[i], names[i + 1]])}`).toBe(js);
      if (js) equalPairs++;
    }
    // The variants make equal pairs common: the ⇔ is exercised in both directions.
    expect(equalPairs).toBeGreaterThan(500);
    expect(equalPairs).toBeLessThan(1500);
  }, 60_000);

  it("the guard's name lookup stays on operators_org_name_idx", async () => {
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute(
        sql`explain select 1 from operators o where o.organization_id = ${"00000000-0000-0000-0000-000000000000"}::uuid and name_key(o.name) = name_key(${"João"})`,
      );
    });
    expect(
      rowsOf<{ "QUERY PLAN": string }>(plan)
        .map((row) => row["QUERY PLAN"])
        .join("\n"),
    ).toContain("operators_org_name_idx");
  });
});
