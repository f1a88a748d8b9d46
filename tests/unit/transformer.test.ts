import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { serialize } from "@/server/api/transformer";

/** What the browser ends up with: the wire's JSON text read back by superjson, as the tRPC client does. */
function overTheWire(result: unknown): unknown {
  return superjson.deserialize(JSON.parse(JSON.stringify(result)) as Parameters<typeof superjson.deserialize>[0]);
}

class Money {
  constructor(readonly cents: number) {}
}

const plainAnswers: Record<string, unknown> = {
  "a page of operators": {
    total: 2,
    page: 1,
    items: [
      { id: "a", name: "Ana", active: true, departmentIds: ["d1"], lastError: null, createdAt: new Date(0) },
      { id: "b", name: "Bia", active: false, departmentIds: [], lastError: { code: "X" }, createdAt: new Date(1) },
    ],
  },
  "no Dates at all": { ok: true, list: [1, 2, 3], nested: { deeper: { value: "x" } } },
  "keys with dots and backslashes": { "a.b": new Date(5), "c\\d": { "e.f": new Date(6) } },
  "undefined in an object and in an array": { present: 1, missing: undefined, list: [undefined, 2] },
  "null-prototype object": Object.assign(Object.create(null) as object, { at: new Date(7) }),
  "a bare string": "olá",
  "a bare number": 42,
  null: null,
  "an empty array": [],
};

const superjsonOnly: Record<string, unknown> = {
  "a Map": { m: new Map([["a", 1]]) },
  "a Set": { s: new Set([1]) },
  "a BigInt": { n: 10n },
  NaN: { n: Number.NaN },
  Infinity: { n: Number.POSITIVE_INFINITY },
  "minus zero": { n: -0 },
  "an invalid Date": { d: new Date(Number.NaN) },
  "a class instance": { price: new Money(4990) },
  "the same object twice": (() => {
    const shared = { id: "x" };
    return { a: shared, b: shared };
  })(),
  "a root Date": new Date(8),
  "root undefined": undefined,
};

describe("the server's tRPC transformer", () => {
  it.each(Object.entries(plainAnswers))("%s: the browser reads what superjson would give it", (_, value) => {
    expect(overTheWire(serialize(value))).toStrictEqual(overTheWire(superjson.serialize(value)));
  });

  it.each(Object.entries(plainAnswers))("%s: the same JSON text and marks as superjson", (name, value) => {
    const ours = JSON.parse(JSON.stringify(serialize(value))) as { json: unknown; meta?: { values?: object } };
    const theirs = JSON.parse(JSON.stringify(superjson.serialize(value))) as typeof ours;
    expect(ours.meta?.values).toEqual(theirs.meta?.values);
    // JSON drops an undefined key that superjson writes as null (its mark restores it either way).
    if (name.startsWith("undefined")) expect(ours.json).toEqual({ present: 1, list: [null, 2] });
    else expect(ours.json).toEqual(theirs.json);
  });

  it("sends a plain answer as it is, without copying it", () => {
    const value = plainAnswers["a page of operators"];
    expect(serialize(value).json).toBe(value);
  });

  it.each(Object.entries(superjsonOnly))("%s: handed to superjson whole", (_, value) => {
    expect(serialize(value)).toStrictEqual(superjson.serialize(value));
  });
});
