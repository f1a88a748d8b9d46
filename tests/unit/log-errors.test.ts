/**
 * The server log for failed procedures: faults are errors with their stack; expected refusals
 * (401, 403, 400 validation, 409 conflict) are one debug line without a stack, never errors.
 */
import { Writable } from "node:stream";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { logProcedureError } from "@/server/api/log-errors";
import { appError } from "@/server/errors";
import { createLogger } from "@/server/log";

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { log: createLogger(stream, "debug"), lines };
}

describe("failed procedures in the server log", () => {
  it.each([
    ["UNAUTHORIZED", appError("UNAUTHENTICATED")],
    ["FORBIDDEN", appError("FORBIDDEN")],
    ["BAD_REQUEST", new Error("input")],
    ["CONFLICT", appError("ALREADY_MEMBER", { field: "email" })],
  ] as const)("%s: a debug line, no stack, not an error", async (code, cause) => {
    const { log, lines } = capture();
    logProcedureError(
      log,
      { error: new TRPCError({ code, cause }), path: "x.y", requestId: "r1" },
      "tRPC procedure failed",
    );
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 20, code, path: "x.y", requestId: "r1" });
    expect(JSON.stringify(lines[0])).not.toMatch(/stack|\n\s+at /);
  });

  it("a fault (500): an error with its stack", async () => {
    const { log, lines } = capture();
    const error = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new Error("database went away") });
    logProcedureError(log, { error, path: "x.y", requestId: "r2" }, "tRPC procedure failed");
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, msg: "tRPC procedure failed", err: { message: "database went away" } });
    expect((lines[0]!.err as { stack: string }).stack).toMatch(/\n\s+at /);
  });
});
