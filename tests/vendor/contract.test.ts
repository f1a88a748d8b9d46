/**
 * Contract tests: every JSON example of the vendor's pages (seeds 000–003) parses through
 * the matching schema as is, and the schemas keep every documented field.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import * as C from "@/server/providers/plugchat/contract";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/seeds");
const SHARED = path.resolve(import.meta.dirname, "../../../shared/seeds");
/** The seeds as the product was specified from (sha256 of ../shared/seeds, pinned so a clone without it still checks). */
const SEED_SHA256: Record<string, string> = {
  "000_a93a9efa6654690b.txt": "5c53eb078163b2f15ed942f89934e5ded42109273deb6bb2440632c38b44feb6",
  "001_81e10e9701d0a4e3.txt": "b5f3458ff041256b92ddee95d3c3efbc42359713b1048808cd63f3381ea5cde1",
  "002_770f71eccfb29d4f.txt": "7114c62d612445216b5fbd67ac745be010429ff71db670fc60c38b6539166f23",
  "003_bf6a8ed895c78d2e.txt": "9a0a35c0ac89b830dad1a3031f49c9bba41b0bbcf40d5379fcdd31d65fdc8c6c",
};
const SEEDS = Object.keys(SEED_SHA256);
const sha256 = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

const read = (name: string): string => readFileSync(path.join(FIXTURES, name), "utf8");

/** The fenced ```json blocks of a markdown page, in order. */
function fenced(text: string): string[] {
  return [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1] as string);
}

/** The rendered page (001) has no fences: slice between its headings. */
function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end, from + start.length);
  if (from < 0 || to < 0) throw new Error(`markers ${start} … ${end} not found`);
  return text.slice(from + start.length, to).trim();
}

interface Example {
  seed: string;
  what: string;
  json: string;
  schema: z.ZodType;
}

function examples(): Example[] {
  const s0 = fenced(read(SEEDS[0] as string));
  const s1 = read(SEEDS[1] as string);
  const s2 = fenced(read(SEEDS[2] as string));
  const s3 = fenced(read(SEEDS[3] as string));
  return [
    { seed: "000", what: "create operator request", json: s0[0] as string, schema: C.ZCreateOperatorRequest },
    { seed: "000", what: "create operator 200", json: s0[1] as string, schema: C.ZCreateOperatorResponse },
    {
      seed: "001",
      what: "create operator request",
      json: between(s1, "Request Body#", "Response#"),
      schema: C.ZCreateOperatorRequest,
    },
    {
      seed: "001",
      what: "create operator 200",
      json: between(s1, "Exemplo", "405#"),
      schema: C.ZCreateOperatorResponse,
    },
    { seed: "002", what: "update operator request", json: s2[0] as string, schema: C.ZUpdateOperatorRequest },
    { seed: "002", what: "update operator 200", json: s2[1] as string, schema: C.ZUpdateOperatorResponse },
    { seed: "003", what: "create account request", json: s3[0] as string, schema: C.ZCreateAccountRequest },
    { seed: "003", what: "create account 200", json: s3[1] as string, schema: C.ZCreateAccountResponse },
  ];
}

describe("vendored seed copies", () => {
  it("holds exactly the four PlugChat seeds", () => {
    expect(readdirSync(FIXTURES).sort()).toEqual(SEEDS);
  });

  it("is byte-identical to the specification's seeds (and to ../shared/seeds where it is present)", () => {
    for (const name of SEEDS) {
      expect(sha256(path.join(FIXTURES, name)), name).toBe(SEED_SHA256[name]);
      if (existsSync(SHARED))
        expect(sha256(path.join(SHARED, name)), `../shared/seeds/${name}`).toBe(SEED_SHA256[name]);
    }
  });
});

describe("seed examples parse through the contract", () => {
  const all = examples();

  it("finds 8 examples (4 pages × request + 200 response)", () => {
    expect(all).toHaveLength(8);
    for (const e of all) expect(e.json.startsWith("{")).toBe(true);
  });

  for (const e of examples()) {
    it(`${e.seed}: ${e.what}`, () => {
      const value: unknown = JSON.parse(e.json);
      const parsed = e.schema.safeParse(value);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      // Nothing documented is dropped or altered.
      expect(parsed.data).toEqual(value);
    });
  }
});

describe("lenient where the vendor's docs disagree, strict where they agree", () => {
  it("isAdmin: boolean or 'true'/'false' on update and in lists", () => {
    const base = { id: "o1", name: "A", active: true, departments: [] };
    expect(C.ZUpdateOperatorRequest.safeParse({ ...base, isAdmin: "true" }).success).toBe(true);
    expect(C.ZUpdateOperatorRequest.safeParse({ ...base, isAdmin: false }).success).toBe(true);
    expect(C.ZUpdateOperatorRequest.safeParse({ ...base, isAdmin: "yes" }).success).toBe(false);
    expect(
      C.ZOperator.safeParse({ ...base, createdAt: 1656427265615, accessToken: "t", isAdmin: "false" }).success,
    ).toBe(true);
    expect(
      C.ZCreateOperatorRequest.safeParse({ name: "A", active: true, departments: [], isAdmin: "true" }).success,
    ).toBe(false);
  });

  it("subscription status: boolean or string", () => {
    expect(C.ZSubscriptionResponse.parse({ id: "s", quantity: 2, status: "active" }).status).toBe("active");
    expect(C.ZSubscriptionResponse.parse({ id: 7, quantity: 2, status: true })).toEqual({
      id: "7",
      quantity: 2,
      status: true,
    });
  });

  it("subscription needs at least 2 operators", () => {
    expect(C.ZSubscriptionRequest.safeParse({ operators: 1 }).success).toBe(false);
    expect(C.ZSubscriptionRequest.safeParse({ operators: 2 }).success).toBe(true);
  });

  it("timestamps are epoch ms numbers", () => {
    expect(C.ZDepartment.parse({ id: "d", name: "Geral", active: true, createdAt: 1656427265615 }).createdAt).toBe(
      1656427265615,
    );
    expect(C.ZDepartment.safeParse({ id: "d", name: "Geral", active: true, createdAt: "2022-06-28" }).success).toBe(
      false,
    );
  });

  it("requests refuse unknown keys and wrong types", () => {
    expect(C.ZCreateAccountRequest.safeParse({ externalId: "1", name: "n", active: "yes" }).success).toBe(false);
    expect(C.ZCreateAccountRequest.safeParse({ externalId: "1", name: "n", active: true, extra: 1 }).success).toBe(
      false,
    );
    expect(C.ZCreateDepartmentRequest.safeParse({ name: "", active: true }).success).toBe(false);
  });

  it("finish-attendance webhook: the documented example with the vendor's spellings, raw keys kept", () => {
    const payload = {
      attendance: {
        attendanceNumber: 1492,
        customer: { name: "nome", phone: "554499999999" },
        departament: "Nome do departamento",
        requestTime: 1651065472000,
        startTime: 1651065471166,
        endTime: 1651065481865,
        finishBy: "Nome do operador",
        ratingObservation: "...",
        status: "FINISH",
        attendanceCategory: { id: "...", name: "...", color: "#DDDD" },
        "operatorReport ": "texto",
      },
      chat: {
        m1: { fromMe: false, phone: "554499999999", senderName: "nome", momment: 1651065478000, status: "RECEIVED" },
      },
    };
    const parsed = C.ZFinishAttendanceWebhook.parse(payload);
    expect(parsed).toEqual(payload);
    expect(
      C.ZStartAttendanceWebhook.safeParse({ attendance: { attendanceNumber: 1, status: "STARTED" } }).success,
    ).toBe(true);
    expect(C.ZFinishAttendanceWebhook.safeParse({ chat: {} }).success).toBe(false);
  });

  it("satisfaction entries keep unknown vendor fields", () => {
    const entry = {
      id: "a1",
      attendanceNumber: 3,
      operators: { o1: true },
      operatorsData: [{ id: "o1", name: "Op" }],
      ratingValue: 4,
      status: "FINISH",
      extra: { x: 1 },
    };
    expect(C.ZSatisfactionEntry.parse(entry)).toEqual(entry);
  });
});
