/**
 * Property-based fuzzing (fast-check) of every mutation's input, as an owner of an
 * organization whose vendor is the emulator: random values, and random values under the
 * input's own keys, never produce an internal error — only a validation error, a domain
 * error or a success.
 */
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulatedPortal, type EmulatedPortal } from "../helpers/emulated";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { procedureAt, procedureDefs, procedurePaths } from "../helpers/procedures";

const TOKEN = "fuzz-token";

const mutations = procedurePaths("mutation");

/** The top-level keys of a procedure's (last) object input schema, when it has one. */
function inputKeys(path: string): string[] {
  const schema = procedureDefs[path]!._def.inputs.at(-1) as { shape?: Record<string, unknown> } | undefined;
  return schema?.shape ? Object.keys(schema.shape) : [];
}

function shapedInput(keys: string[]): fc.Arbitrary<unknown> {
  if (keys.length === 0) return fc.jsonValue();
  const value = fc.oneof(
    fc.jsonValue(),
    fc.string({ maxLength: 300 }),
    fc.integer(),
    fc.boolean(),
    fc.uuid(),
    fc.array(fc.uuid(), { maxLength: 5 }),
  );
  return fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] });
}

describe("fuzzing every mutation's input", () => {
  let portal: EmulatedPortal;
  let owner: TestMember;

  beforeAll(async () => {
    portal = await startEmulatedPortal("pglite", TOKEN);
    owner = await createMember(portal.db, { role: "owner" });
  });
  afterAll(() => portal?.close());

  it("finds mutations to fuzz", () => {
    expect(mutations.length).toBeGreaterThan(3);
  });

  it.each(mutations)("%s never answers an internal error", async (path) => {
    const caller = callerFor({ db: portal.db, provider: portal.provider, member: owner });
    const call = procedureAt(caller, path);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), shapedInput(inputKeys(path))), async (input) => {
        try {
          await call(input);
        } catch (error) {
          if (!(error instanceof TRPCError)) throw error;
          expect(error.code, `${path}(${JSON.stringify(input)?.slice(0, 300)}): ${error.message}`).not.toBe(
            "INTERNAL_SERVER_ERROR",
          );
        }
      }),
      { numRuns: 40 },
    );
  });
});
