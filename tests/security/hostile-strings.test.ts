/**
 * Issue 11.2, as a property: every string field of every procedure's input — found by
 * walking the zod 4 schemas of the app router, so a new procedure is covered the day it is
 * added — receives generated hostile strings (NUL, every C0 control, DEL, lone surrogates,
 * mixed with accents, emoji and long runs) inside an otherwise plausible input. Called as an
 * owner of an organization with a synced account on the PlugChat emulator, and anonymously
 * for public procedures, on PGlite and (with TEST_DATABASE_URL) Postgres:
 *   - never INTERNAL_SERVER_ERROR;
 *   - a string that still holds a forbidden character after trimming → BAD_REQUEST, with the
 *     field named (data.fieldErrors[path], or data.appError.field for a file's content).
 */
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { startPlugchatEmulator, type PlugchatEmulator } from "@/emulators/plugchat";
import { isMultiLineText } from "@/lib/validation/text";
import type { DbHandle } from "@/server/db/client";
import { users } from "@/server/db/schema";
import { createChatProvider } from "@/server/providers";
import type { ChatProvider } from "@/server/providers/types";
import { browserShape } from "../helpers/browser-shape";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { createTestDb, testDbKinds, type TestDbKind } from "../helpers/db";
import { procedureAt, procedureDefs, procedurePaths } from "../helpers/procedures";

const TOKEN = "hostile-strings-token";
const RUNS_PER_FIELD = 6;
/**
 * Fields whose content is a whole file, checked cell by cell: a forbidden character is a row
 * error in words (lib/import/operators-csv.ts), not a refusal of the field.
 */
const FILE_CONTENT = new Set(["imports.preview:csv", "imports.start:csv"]);

type Path = Array<string | number>;
type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

const def = (s: unknown) => (s as AnySchema)._zod.def;

/** Values a leaf is tried with, in order; the first its schema accepts is the plausible one. */
function leafCandidates(): unknown[] {
  return [
    "Texto plausível 123",
    "123456",
    "abcdefghijkl",
    "A".repeat(43),
    randomUUID(),
    `fuzz-${randomUUID().slice(0, 8)}@example.com`,
    "2025-01-15",
    "x",
    1,
    2,
    10,
    0,
    false,
    true,
    new Date(),
  ];
}

/** A plausible value for `schema` (every optional field present, the first workable union option). */
function sample(schema: unknown): unknown {
  const d = def(schema);
  switch (d.type) {
    case "object": {
      const shape = d.shape as Record<string, unknown>;
      const value: Record<string, unknown> = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, sample(v)]));
      // A rule across fields (e.g. the new password must differ from the current one): try the
      // other plausible values of one field at a time until the whole object passes.
      for (const [key, field] of Object.entries(shape)) {
        if ((schema as AnySchema).safeParse(value).success) break;
        const first = value[key];
        const other = leafCandidates().find(
          (c) =>
            c !== first &&
            (field as AnySchema).safeParse(c).success &&
            (schema as AnySchema).safeParse({ ...value, [key]: c }).success,
        );
        if (other !== undefined) value[key] = other;
      }
      return value;
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return sample(d.innerType);
    case "array":
      return [sample(d.element)];
    case "union": {
      for (const option of d.options as unknown[]) {
        const v = sample(option);
        if ((option as AnySchema).safeParse(v).success) return v;
      }
      return sample((d.options as unknown[])[0]);
    }
    case "enum":
      return Object.values(d.entries as Record<string, unknown>)[0];
    case "literal":
      return (d.values as unknown[])[0];
    default: {
      const found = leafCandidates().find((c) => (schema as AnySchema).safeParse(c).success);
      if (found === undefined) throw new Error(`no plausible value for a ${d.type} schema`);
      return found;
    }
  }
}

/** Every path to a string in `schema` (through objects, optionals, nullables, defaults, arrays, unions and pipes). */
function stringPaths(schema: unknown, at: Path = []): Path[] {
  const d = def(schema);
  switch (d.type) {
    case "string":
      return [at];
    case "pipe":
      return stringPaths(d.in, at);
    case "object":
      return Object.entries(d.shape as Record<string, unknown>).flatMap(([k, v]) => stringPaths(v, [...at, k]));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return stringPaths(d.innerType, at);
    case "array":
      return stringPaths(d.element, [...at, 0]);
    case "union": {
      const seen = new Map<string, Path>();
      for (const option of d.options as unknown[]) for (const p of stringPaths(option, at)) seen.set(p.join("."), p);
      return [...seen.values()];
    }
    default:
      return [];
  }
}

/**
 * A plausible value for `schema` in which the string at `rest` exists: where a union lies on the
 * way (e.g. a logo kept, removed or uploaded), the option that holds that string is sampled.
 */
function sampleWith(schema: unknown, rest: Path): unknown {
  const d = def(schema);
  switch (d.type) {
    case "object": {
      const [key, ...tail] = rest;
      const shape = d.shape as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(shape).map(([k, v]) => [k, k === key ? sampleWith(v, tail) : sample(v)]),
      );
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return sampleWith(d.innerType, rest);
    case "pipe":
      return sampleWith(d.in, rest);
    case "array":
      return [sampleWith(d.element, rest.slice(1))];
    case "union": {
      const wanted = rest.join(".");
      const options = d.options as unknown[];
      const holder = options.find((o) => stringPaths(o).some((p) => p.join(".") === wanted));
      return holder === undefined ? sample(schema) : sampleWith(holder, rest);
    }
    case "string":
      // The hostile value takes this place; a string no candidate satisfies (a file's bytes) starts empty.
      return leafCandidates().find((c) => (schema as AnySchema).safeParse(c).success) ?? "";
    default:
      return sample(schema);
  }
}

interface Variant {
  /** A plausible input (one per option of a top-level union). */
  base: unknown;
  /** The option of the top-level union (or the whole input) it was sampled from. */
  option: unknown;
  strings: Path[];
}

function variantsOf(path: string): Variant[] {
  const input = procedureDefs[path]!._def.inputs.at(-1);
  if (!input) return [];
  const top = def(input).type === "optional" ? def(input).innerType : input;
  const options = def(top).type === "union" ? (def(top).options as unknown[]) : [top];
  return options
    .map((option) => ({ base: sample(option), option, strings: stringPaths(option) }))
    .filter((v) => v.strings.length > 0);
}

function withValue(base: unknown, path: Path, value: string): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

// ── hostile strings ────────────────────────────────────────────────────────────────────────
const C0_AND_DEL = [...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)), "\u007f"];
const LONE_SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff", "\ud83d", "\ude00"];
const forbiddenChar = fc.constantFrom(...C0_AND_DEL, ...LONE_SURROGATES);
const normalText = fc.oneof(
  fc.constantFrom("", "Ana", "João Ávila", "Loja 😀", "👨‍👩‍👧", "ção", "日本", "a@b.com", "   "),
  fc.string({ maxLength: 12 }),
);
const hostileString: fc.Arbitrary<string> = fc.oneof(
  // A forbidden character strictly inside ordinary text (trimming cannot remove it).
  fc
    .tuple(normalText, fc.array(forbiddenChar, { minLength: 1, maxLength: 3 }), normalText)
    .map(([a, bad, b]) => `${a}Z${bad.join("")}Z${b}`),
  // Anything mixed: forbidden characters may also sit at the edges, or be tab/line breaks only.
  fc.array(fc.oneof(forbiddenChar, normalText), { minLength: 1, maxLength: 8 }).map((parts) => parts.join("")),
  // Long runs around a NUL.
  fc
    .tuple(fc.integer({ min: 100, max: 5_000 }), forbiddenChar)
    .map(([n, bad]) => `${"á".repeat(n)}${bad}${"😀".repeat(10)}`),
);

/** What the rule refuses wherever it stands (tab and line breaks are allowed in multi-line fields). */
const mustBeRefused = (s: string) => !isMultiLineText(s.trim());

// ── the run ────────────────────────────────────────────────────────────────────────────────
const fields = procedurePaths().flatMap((path) =>
  variantsOf(path).flatMap((variant, v) =>
    variant.strings.map((field) => ({ path, variant: v, base: sampleWith(variant.option, field), field })),
  ),
);

describe.each(testDbKinds())("hostile strings in every procedure's string fields (%s)", (kind: TestDbKind) => {
  let handle: DbHandle;
  let emulator: PlugchatEmulator;
  let provider: ChatProvider;
  let owner: TestMember;
  let callsOnOwner = 0;
  const publicPaths = new Set<string>();

  /**
   * A fresh owner with a synced account (organization mutations spend a per-minute budget), who is
   * also platform staff with two-factor on, so the console's procedures reach their input too.
   */
  async function newOwner(): Promise<TestMember> {
    const member = await createMember(handle.db, { role: "owner" });
    await handle.db
      .update(users)
      .set({ isStaff: true, twoFactorEnabledAt: new Date() })
      .where(eq(users.id, member.session.userId));
    member.session = { ...member.session, twoFactorEnabled: true };
    await callerFor({ db: handle.db, provider, member }).onboarding.createAccount({
      companyName: "Loja Hostil",
      sessionName: "Loja Hostil",
    });
    return member;
  }

  beforeAll(async () => {
    handle = await createTestDb(kind);
    emulator = await startPlugchatEmulator({ port: 0, token: TOKEN });
    provider = createChatProvider({ baseUrl: emulator.baseUrl, token: TOKEN, timeoutMs: 2_000 });
    owner = await newOwner();
    // Public = what an anonymous caller with a plausible input is not refused as anonymous.
    for (const path of procedurePaths()) {
      const [variant] = variantsOf(path);
      try {
        await procedureAt(callerFor({ db: handle.db, provider, member: null }), path)(variant?.base);
        publicPaths.add(path);
      } catch (error) {
        if (!(error instanceof TRPCError && error.code === "UNAUTHORIZED")) publicPaths.add(path);
      }
    }
  }, 120_000);
  afterAll(async () => {
    await emulator?.close();
    await handle?.close();
  });

  it("finds the string fields of the router, with plausible inputs the schemas accept", () => {
    expect(fields.length).toBeGreaterThan(30);
    for (const path of procedurePaths()) {
      const input = procedureDefs[path]!._def.inputs.at(-1) as AnySchema | undefined;
      for (const variant of variantsOf(path)) {
        const parsed = input!.safeParse(variant.base);
        expect(parsed.success, `${path}: ${JSON.stringify(variant.base)} ${parsed.error?.message ?? ""}`).toBe(true);
      }
    }
    // The public allowlist includes sign-up; organization procedures are not in it.
    expect(publicPaths).toContain("auth.signUp");
    expect(publicPaths).not.toContain("departments.create");
  });

  it.each(
    fields.map((f) => [`${f.path} ${f.field.join(".")}${f.variant ? ` (form ${f.variant + 1})` : ""}`, f] as const),
  )(
    "%s: never a 500; a forbidden character is a BAD_REQUEST naming the field",
    async (_name, { path, base, field }) => {
      const key = field.join(".");
      const callers = [
        { who: "owner", anonymous: false },
        ...(publicPaths.has(path) ? [{ who: "anonymous", anonymous: true }] : []),
      ];
      for (const { who, anonymous } of callers) {
        await fc.assert(
          fc.asyncProperty(hostileString, async (hostile) => {
            if (!anonymous && ++callsOnOwner > 250) {
              owner = await newOwner();
              callsOnOwner = 1;
            }
            const caller = callerFor({ db: handle.db, provider, member: anonymous ? null : owner });
            const input = withValue(base, field, hostile);
            const label = `${path}.${key} as ${who} with ${JSON.stringify(hostile).slice(0, 120)}`;
            let result: unknown;
            let failure: unknown = null;
            try {
              result = await procedureAt(caller, path)(input);
            } catch (error) {
              failure = error;
            }
            if (failure !== null) {
              expect(failure, label).toBeInstanceOf(TRPCError);
              const error = failure as TRPCError;
              expect(error.code, `${label}: ${error.message}`).not.toBe("INTERNAL_SERVER_ERROR");
            }
            if (!mustBeRefused(hostile)) return;
            if (FILE_CONTENT.has(`${path}:${key}`)) {
              // The file's rows carry the error; nothing valid is imported.
              if (failure === null) expect((result as { valid: number }).valid, label).toBe(0);
              else expect((failure as TRPCError).code, label).toBe("BAD_REQUEST");
              return;
            }
            expect(failure, `${label} was accepted`).not.toBeNull();
            const error = failure as TRPCError;
            expect(error.code, `${label}: ${error.message}`).toBe("BAD_REQUEST");
            const data = browserShape(error, path).data;
            expect(
              data.fieldErrors?.[key] ?? (data.appError.field === key ? [data.appError.code] : undefined),
              `${label}: ${JSON.stringify(data)}`,
            ).toBeDefined();
          }),
          { numRuns: RUNS_PER_FIELD },
        );
      }
    },
    60_000,
  );
});
