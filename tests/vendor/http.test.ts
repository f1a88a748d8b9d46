/** Client transport against a fake fetch: headers, error classification by undici cause code, backoff. */
import { describe, expect, it } from "vitest";
import { ProviderError } from "@/server/providers/errors";
import { createPlugchatClient } from "@/server/providers/plugchat/client";
import { backoffDelay, classifyNetworkError, kindForStatus, parseRetryAfter } from "@/server/providers/plugchat/http";
import { silentLogger } from "./helpers";

function fetchError(code: string): TypeError {
  return new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) });
}

function fakeClient(impl: (url: string, init: RequestInit) => Promise<Response>, retries = 2) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const client = createPlugchatClient({
    baseUrl: "http://vendor.test/integrator/",
    token: "tok-123",
    timeoutMs: 1_000,
    logger: silentLogger,
    retry: { retries, baseDelayMs: 1, maxDelayMs: 5 },
    sleep: async () => undefined,
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(input), init: init ?? {} });
      return impl(String(input), init ?? {});
    }) as typeof fetch,
  });
  return { client, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

describe("requests", () => {
  it("sends Bearer + JSON content type and a timeout signal on every call, ids URL-encoded", async () => {
    const { client, calls } = fakeClient(async () => json(200, { success: true }));
    await client.cancelSubscription("a/b c");
    await client.deleteDepartment("acc", "d?1").catch(() => undefined);
    for (const c of calls) {
      expect(c.init.headers).toMatchObject({ Authorization: "Bearer tok-123", "Content-Type": "application/json" });
      expect(c.init.signal).toBeInstanceOf(AbortSignal);
    }
    expect(calls[0]?.url).toBe("http://vendor.test/integrator/account/a%2Fb%20c/cancel-subscription");
    expect(calls[1]?.url).toBe("http://vendor.test/integrator/account/acc/departments/d%3F1");
  });
});

describe("classification", () => {
  it("refused before sending → unavailable; lost after sending → ambiguous", () => {
    for (const code of ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]) {
      expect(classifyNetworkError(fetchError(code), "POST", "/account", false).kind).toBe("unavailable");
    }
    for (const code of ["UND_ERR_SOCKET", "ECONNRESET", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]) {
      expect(classifyNetworkError(fetchError(code), "POST", "/account", false).kind).toBe("ambiguous");
    }
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    expect(classifyNetworkError(timeout, "GET", "/x", true)).toMatchObject({
      kind: "ambiguous",
      details: { reason: "timeout" },
    });
  });

  it("status codes map to kinds", () => {
    expect([401, 403, 404, 400, 405, 415, 422, 429, 500, 502, 503].map(kindForStatus)).toEqual([
      "unauthorized",
      "unauthorized",
      "not_found",
      "rejected",
      "rejected",
      "rejected",
      "rejected",
      "unavailable",
      "unavailable",
      "unavailable",
      "unavailable",
    ]);
  });

  it("DNS failure on a POST → unavailable, not retried; on a GET → retried", async () => {
    const post = fakeClient(async () => {
      throw fetchError("ENOTFOUND");
    });
    const e = await post.client.createAccount({ externalId: "1", name: "n", active: true }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProviderError);
    expect((e as ProviderError).kind).toBe("unavailable");
    expect(post.calls).toHaveLength(1);

    let n = 0;
    const get = fakeClient(async () => (++n < 3 ? Promise.reject(fetchError("EAI_AGAIN")) : json(200, [])));
    expect(await get.client.listDepartments("acc")).toEqual([]);
    expect(get.calls).toHaveLength(3);
  });

  it("a socket lost after sending is ambiguous and never retried, even on GET", async () => {
    const { client, calls } = fakeClient(async () => {
      throw fetchError("UND_ERR_SOCKET");
    });
    expect(((await client.listOperators("a").catch((x: unknown) => x)) as ProviderError).kind).toBe("ambiguous");
    expect(calls).toHaveLength(1);
  });

  it("a 2xx that does not match the schema: ambiguous on a write, unavailable on a read", async () => {
    const { client } = fakeClient(async () => json(200, { success: true }));
    expect(
      (
        (await client
          .createOperator("a", { name: "n", active: true, departments: [] })
          .catch((x: unknown) => x)) as ProviderError
      ).kind,
    ).toBe("ambiguous");
    expect(((await client.getAccount("a").catch((x: unknown) => x)) as ProviderError).kind).toBe("unavailable");
  });

  it("422 → rejected with the vendor's reason", async () => {
    const { client } = fakeClient(async () => json(422, { reason: "quantity too high" }));
    const e = (await client.setSubscription("a", { operators: 9999 }).catch((x: unknown) => x)) as ProviderError;
    expect(e).toMatchObject({ kind: "rejected", details: { status: 422, reason: "quantity too high" } });
  });
});

describe("backoff", () => {
  it("full jitter under a capped exponential ceiling", () => {
    const policy = { retries: 5, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect(backoffDelay(1, policy, undefined, () => 0.999)).toBe(99);
    expect(backoffDelay(3, policy, undefined, () => 0.999)).toBe(399);
    expect(backoffDelay(10, policy, undefined, () => 0.999)).toBe(999);
    expect(backoffDelay(2, policy, undefined, () => 0)).toBe(0);
  });

  it("honours Retry-After within the cap, gives up beyond it", () => {
    const policy = { retries: 5, baseDelayMs: 100, maxDelayMs: 2_000 };
    expect(backoffDelay(1, policy, 1)).toBe(1_000);
    expect(backoffDelay(1, policy, 3)).toBeNull();
  });

  it("parses Retry-After seconds and HTTP dates", () => {
    expect(parseRetryAfter("5")).toBe(5);
    expect(parseRetryAfter(new Date(Date.now() + 10_000).toUTCString())).toBeGreaterThanOrEqual(9);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});
