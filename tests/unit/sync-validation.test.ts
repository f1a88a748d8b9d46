/**
 * server/api/sync-validation.ts: tRPC checks inputs and outputs with a schema's parseAsync, and
 * zod's compiled object check runs only in a synchronous parse. The builders hand tRPC a child of
 * each schema whose parseAsync parses synchronously: same answers, same errors, the asynchronous
 * parse only for a schema that needs it, and the schema's shape still there for the tests that read it.
 */
import { describe, expect, it, vi } from "vitest";
import { z, ZodError } from "zod";
import * as zm from "zod/mini";
import { initTRPC, TRPCError } from "@trpc/server";
import { parsedSynchronously, withSyncValidation } from "@/server/api/sync-validation";
import { publicProcedure } from "@/server/api/trpc";

const ZRow = z.object({ id: z.string(), when: z.date(), tags: z.array(z.string()), note: z.string().nullable() });
const row = { id: "a", when: new Date(0), tags: ["x"], note: null, extra: "dropped" };

describe("parsedSynchronously", () => {
  it("answers what parseAsync answers, without calling it", async () => {
    const fast = parsedSynchronously(ZRow);
    const slow = vi.spyOn(ZRow, "parseAsync");
    expect(await fast.parseAsync(row)).toEqual(await ZRow.parseAsync(row));
    expect(slow).toHaveBeenCalledTimes(1); // only the reference call above
    expect(await fast.parseAsync(row)).toEqual({ id: "a", when: new Date(0), tags: ["x"], note: null });
    slow.mockRestore();
  });

  it("rejects with the same ZodError and issues", async () => {
    const fast = parsedSynchronously(ZRow);
    const bad = { ...row, when: "yesterday" };
    const [mine, theirs] = await Promise.all([
      fast.parseAsync(bad).catch((e: unknown) => e),
      ZRow.parseAsync(bad).catch((e: unknown) => e),
    ]);
    expect(mine).toBeInstanceOf(ZodError);
    expect((mine as ZodError).issues).toEqual((theirs as ZodError).issues);
  });

  it("falls back to the asynchronous parse for a schema with an asynchronous check", async () => {
    const ZAsync = z.string().refine(async (s) => s.startsWith("ok"), "not ok");
    const fast = parsedSynchronously(ZAsync);
    expect(() => ZAsync.parse("ok")).toThrow();
    await expect(fast.parseAsync("ok then")).resolves.toBe("ok then");
    await expect(fast.parseAsync("nope")).rejects.toBeInstanceOf(ZodError);
  });

  it("keeps the schema readable (shape, other methods) and works for zod/mini", async () => {
    const fast = parsedSynchronously(ZRow);
    expect(Object.getPrototypeOf(fast)).toBe(ZRow);
    expect(Object.keys(fast.shape)).toEqual(["id", "when", "tags", "note"]);
    const ZMini = zm.object({ n: zm._default(zm.number(), 1) });
    await expect(parsedSynchronously(ZMini).parseAsync({})).resolves.toEqual({ n: 1 });
  });

  it("leaves anything that is not a zod schema as it is", () => {
    const custom = (v: unknown) => v;
    expect(parsedSynchronously(custom)).toBe(custom);
  });
});

describe("withSyncValidation", () => {
  const t = initTRPC.create();

  it("every builder chained from it hands tRPC synchronously parsed schemas", () => {
    const base = withSyncValidation(t.procedure);
    const procedure = base
      .use(({ next }) => next())
      .meta({})
      .input(z.object({ a: z.number() }))
      .output(ZRow);
    const def = procedure._def as unknown as { inputs: unknown[]; output: unknown };
    expect(Object.getPrototypeOf(def.inputs[0])).toHaveProperty("shape.a");
    expect(Object.getPrototypeOf(def.output)).toBe(ZRow);
  });

  it("the app's procedures: valid input passes, invalid input is a BAD_REQUEST carrying the ZodError", async () => {
    const router = t.router({
      echo: publicProcedure
        .input(z.object({ n: z.number().int() }))
        .output(z.object({ n: z.number() }))
        .query(({ input }) => ({ n: input.n, secret: "stripped" })),
    });
    const caller = t.createCallerFactory(router)({} as never);
    await expect(caller.echo({ n: 2 })).resolves.toEqual({ n: 2 });
    const error = await caller.echo({ n: 2.5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).cause).toBeInstanceOf(ZodError);
  });
});
