/**
 * The server's tRPC transformer: superjson's wire format, written faster for what procedures
 * almost always answer (plain objects and arrays of strings, numbers, booleans, null, Dates).
 *
 * superjson.serialize walks the whole answer building a path array per value and a copy of every
 * object; for a page of 25 operators that was ~0.25 ms of each request's CPU (bench:profile).
 * Here one walk only notes where the Dates and undefineds are; the answer itself goes out as it
 * is, since JSON.stringify writes a Date as its toISOString(), exactly what superjson writes.
 * Anything else superjson knows (Map, Set, BigInt, NaN, -0, a class instance, an object seen
 * twice) hands the whole answer to superjson, so the browser's superjson.deserialize reads
 * either output the same way. Inputs are small and still go through superjson.
 */
import superjson from "superjson";
import type { SuperJSONResult } from "superjson";

type Mark = ["Date"] | ["undefined"];
type Marks = Record<string, Mark>;

/** Thrown inside the walk: this answer needs superjson. */
const NEEDS_SUPERJSON = Symbol("needs superjson");

/** superjson's path syntax: keys joined by ".", with "\" and "." escaped. */
function pathOf(keys: (string | number)[]): string {
  return keys.map((k) => String(k).replace(/\\/g, "\\\\").replace(/\./g, "\\.")).join(".");
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function walk(value: unknown, keys: (string | number)[], marks: Marks, seen: Set<object>): void {
  switch (typeof value) {
    case "string":
    case "boolean":
      return;
    case "number":
      if (!Number.isFinite(value) || Object.is(value, -0)) throw NEEDS_SUPERJSON;
      return;
    case "undefined":
      // In an object JSON drops the key and in an array writes null: the mark restores undefined.
      marks[pathOf(keys)] = ["undefined"];
      return;
    case "object":
      break;
    default:
      throw NEEDS_SUPERJSON; // bigint, symbol, function
  }
  if (value === null) return;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw NEEDS_SUPERJSON;
    marks[pathOf(keys)] = ["Date"];
    return;
  }
  // superjson keeps shared references as such; leave those answers to it.
  if (seen.has(value)) throw NEEDS_SUPERJSON;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      keys.push(i);
      walk(value[i], keys, marks, seen);
      keys.pop();
    }
    return;
  }
  if (!isPlainObject(value)) throw NEEDS_SUPERJSON;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    keys.push(key);
    walk((value as Record<string, unknown>)[key], keys, marks, seen);
    keys.pop();
  }
}

/** superjson.serialize's result for `value`, computed without copying it when it allows. */
export function serialize(value: unknown): SuperJSONResult {
  // At the root superjson marks differently (an array, not a record): let it.
  if (value === undefined || value instanceof Date) return superjson.serialize(value);
  const marks: Marks = {};
  try {
    walk(value, [], marks, new Set());
  } catch (error) {
    if (error === NEEDS_SUPERJSON) return superjson.serialize(value);
    throw error;
  }
  for (const _ in marks) return { json: value as SuperJSONResult["json"], meta: { values: marks, v: 1 } };
  return { json: value as SuperJSONResult["json"] };
}

export const serverTransformer = {
  serialize,
  deserialize: superjson.deserialize.bind(superjson),
};
