/**
 * Expected refusals (signed out, not allowed, invalid, conflict) are not faults: a page whose query is
 * refused while its layout redirects ends the render as the layout does (no render error for Next to
 * log with a stack), refused queries are not retried, and the browser's development log skips them.
 */
import { TRPCClientError } from "@trpc/client";
import { TRPCError } from "@trpc/server";
import { isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback.js";
import { isRedirectError } from "next/dist/client/components/redirect-error.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchForPage } from "@/lib/trpc/server";
import { isFaultAnswer, isRefusal } from "@/lib/trpc/refusal";
import { makeQueryClient } from "@/lib/trpc/query-client";

const refused = (code: TRPCError["code"]) => () => Promise.reject(new TRPCError({ code, message: code }));

describe("a page's query refused while rendering", () => {
  const saved = process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS;
  // next.config.mjs turns forbidden() on (experimental.authInterrupts); the build inlines this.
  beforeAll(() => void (process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true"));
  afterAll(() => void (process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = saved));

  it("UNAUTHORIZED: goes to sign in, as the signed-in layout does", async () => {
    const error = await fetchForPage({ queryKey: ["a"], queryFn: refused("UNAUTHORIZED") }).catch((e: unknown) => e);
    expect(isRedirectError(error)).toBe(true);
    // NEXT_REDIRECT;<type>;<url>;<status>;
    expect((error as { digest: string }).digest.split(";")[2]).toBe("/sign-in");
  });

  it("FORBIDDEN: the 403 page, as the admin layout does", async () => {
    const error = await fetchForPage({ queryKey: ["b"], queryFn: refused("FORBIDDEN") }).catch((e: unknown) => e);
    expect(isHTTPAccessFallbackError(error)).toBe(true);
  });

  it("a fault stays an error (Next logs it, with its stack)", async () => {
    const error = await fetchForPage({ queryKey: ["c"], queryFn: refused("INTERNAL_SERVER_ERROR") }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
  });
});

describe("what counts as a refusal", () => {
  const clientError = (httpStatus: number) =>
    new TRPCClientError("x", { result: { error: { code: -32000, message: "x", data: { httpStatus } } } as never });

  it("4xx answers in the browser and 4xx TRPCErrors on the server; not 5xx, not other errors", () => {
    for (const status of [400, 401, 403, 404, 409, 429]) expect(isRefusal(clientError(status)), `${status}`).toBe(true);
    for (const status of [500, 502, 503, 504]) expect(isRefusal(clientError(status)), `${status}`).toBe(false);
    for (const code of ["UNAUTHORIZED", "FORBIDDEN", "BAD_REQUEST", "CONFLICT", "PRECONDITION_FAILED"] as const)
      expect(isRefusal(new TRPCError({ code })), code).toBe(true);
    for (const code of ["INTERNAL_SERVER_ERROR", "BAD_GATEWAY", "GATEWAY_TIMEOUT"] as const)
      expect(isRefusal(new TRPCError({ code })), code).toBe(false);
    expect(isRefusal(new Error("boom"))).toBe(false);
    expect(isRefusal(null)).toBe(false);
  });

  it("the browser's development log (console.error, an overlay issue) shows faults, not refusals", () => {
    expect(isFaultAnswer({ direction: "down", result: clientError(409) })).toBe(false);
    expect(isFaultAnswer({ direction: "down", result: clientError(400) })).toBe(false);
    expect(isFaultAnswer({ direction: "down", result: clientError(500) })).toBe(true);
    expect(isFaultAnswer({ direction: "down", result: { result: { data: 1 } } })).toBe(false);
    expect(isFaultAnswer({ direction: "up" })).toBe(false);
  });

  it("a refused query is not retried; a failed one is, once", async () => {
    const client = makeQueryClient();
    let calls = 0;
    await client
      .fetchQuery({ queryKey: ["refused"], queryFn: () => (calls++, refused("CONFLICT")()), retryDelay: 0 })
      .catch(() => undefined);
    expect(calls).toBe(1);
    calls = 0;
    await client
      .fetchQuery({ queryKey: ["fault"], queryFn: () => (calls++, refused("INTERNAL_SERVER_ERROR")()), retryDelay: 0 })
      .catch(() => undefined);
    expect(calls).toBe(2);
  });
});
