/**
 * The /api/trpc route handler as the browser meets it: cross-site and non-JSON mutations
 * refused before any procedure runs, batch size bounded, errors in the shape the UI reads.
 */
import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/trpc/[trpc]/route";

const origin = "http://portal.test";
const signUpBody = JSON.stringify({
  json: { name: "X Y", email: "csrf@example.com", password: "uma frase secreta bem longa", companyName: "ACME" },
});

function post(path: string, init: { body?: string; headers?: Record<string, string> }) {
  return POST(
    new Request(`${origin}/api/trpc/${path}`, {
      method: "POST",
      body: init.body,
      headers: { host: "portal.test", ...init.headers },
    }),
  );
}

describe("tRPC route handler", () => {
  it.each(["text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", ""])(
    "refuses a mutation sent as %s (415)",
    async (type) => {
      const res = await post("auth.signUp", { body: signUpBody, headers: type ? { "content-type": type } : {} });
      expect(res.status).toBe(415);
    },
  );

  it("refuses a JSON mutation from a foreign Origin or a cross-site fetch (403)", async () => {
    const foreign = await post("auth.signUp", {
      body: signUpBody,
      headers: { "content-type": "application/json", origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(403);
    const crossSite = await post("auth.signUp", {
      body: signUpBody,
      headers: { "content-type": "application/json", "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
  });

  it("accepts a same-origin JSON mutation", async () => {
    const res = await post("auth.signUp", {
      body: signUpBody,
      headers: { "content-type": "application/json", origin },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/portal\.session=.+HttpOnly/);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers an anonymous query with UNAUTHORIZED and an error code the UI can say", async () => {
    const res = await GET(new Request(`${origin}/api/trpc/me.get`, { headers: { host: "portal.test" } }));
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { json: { data: { appError: { code: string }; requestId: string } } } };
    expect(body.error.json.data.appError.code).toBe("UNAUTHENTICATED");
    expect(body.error.json.data.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(body)).not.toMatch(/stack|at \//);
  });

  it("refuses batches larger than the limit", async () => {
    const paths = Array.from({ length: 11 }, () => "me.get").join(",");
    const res = await GET(new Request(`${origin}/api/trpc/${paths}?batch=1`, { headers: { host: "portal.test" } }));
    expect(res.status).toBe(400);
  });
});
