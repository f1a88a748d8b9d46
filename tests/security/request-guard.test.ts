/**
 * The tRPC endpoint's guard: bodies over the set size are refused with 413 before parsing,
 * and the largest CSV the import accepts still fits once it is a JSON string.
 */
import { describe, expect, it } from "vitest";
import { IMPORT_MAX_BYTES } from "@/lib/import/operators-csv";
import { guardTrpcRequest, MAX_BODY_BYTES } from "@/server/http/request-guard";

const post = (body: string) =>
  new Request("http://127.0.0.1:3000/api/trpc/imports.preview", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: "http://127.0.0.1:3000",
      "content-length": String(Buffer.byteLength(body)),
    },
    body,
  });

describe("tRPC request size guard", () => {
  it("lets the largest accepted CSV through as JSON, quotes and line breaks escaped", () => {
    process.env.PUBLIC_URL = "http://127.0.0.1:3000";
    // A worst case: every other character needs escaping in JSON.
    const csv = '"\n'.repeat(IMPORT_MAX_BYTES / 2);
    const body = JSON.stringify({ json: { csv } });
    expect(Buffer.byteLength(body)).toBeGreaterThan(IMPORT_MAX_BYTES);
    expect(guardTrpcRequest(post(body))).toBeNull();
  });

  it("refuses a larger body with 413 before anything parses it", async () => {
    const res = guardTrpcRequest(post("x".repeat(MAX_BODY_BYTES + 1)));
    expect(res?.status).toBe(413);
    expect(await res?.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE" } });
  });
});
