/** The circuit breaker: opens after N consecutive outage failures, fails fast, probes once after the cool-down. */
import { describe, expect, it } from "vitest";
import { createCircuitBreaker, isOutageFailure, withCircuitBreaker } from "@/server/providers/circuit-breaker";
import { ProviderError } from "@/server/providers/errors";
import type { ChatProvider } from "@/server/providers/types";

const down = () => new ProviderError("unavailable", "503", { method: "GET", path: "/x", status: 503 });
const timeout = () => new ProviderError("ambiguous", "timeout", { method: "POST", path: "/x", reason: "timeout" });
const rejected = () => new ProviderError("rejected", "400", { method: "POST", path: "/x", status: 400 });
const limited = () =>
  new ProviderError("unavailable", "429", { method: "POST", path: "/x", status: 429, retryAfter: 1 });

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return e instanceof ProviderError ? `${e.kind}:${e.details.reason ?? e.status}` : "other";
  }
}

function setup(opts: { threshold?: number; windowMs?: number; cooldownMs?: number } = {}) {
  let t = 0;
  const breaker = createCircuitBreaker({ threshold: 3, windowMs: 10_000, cooldownMs: 5_000, ...opts, now: () => t });
  let calls = 0;
  const call = (fail?: () => Error) =>
    breaker.run("GET", "/x", async () => {
      calls++;
      if (fail) throw fail();
      return "ok";
    });
  return { breaker, call, advance: (ms: number) => (t += ms), calls: () => calls };
}

describe("circuit breaker", () => {
  it("classifies outage failures", () => {
    expect(isOutageFailure(down())).toBe(true);
    expect(isOutageFailure(timeout())).toBe(true);
    expect(isOutageFailure(rejected())).toBe(false);
    expect(isOutageFailure(limited())).toBe(false);
    expect(isOutageFailure(new Error("x"))).toBe(false);
  });

  it("opens after N consecutive failures and fails fast without calling the vendor", async () => {
    const s = setup();
    for (let i = 0; i < 3; i++) expect(await outcome(s.call(down))).toBe("unavailable:503");
    expect(s.breaker.state).toBe("open");
    expect(await outcome(s.call())).toBe("unavailable:circuit open");
    expect(s.calls()).toBe(3);
  });

  it("a success or a non-outage failure in between resets the count", async () => {
    const s = setup();
    await outcome(s.call(down));
    await outcome(s.call(down));
    await outcome(s.call());
    await outcome(s.call(down));
    await outcome(s.call(rejected));
    await outcome(s.call(down));
    expect(s.breaker.state).toBe("closed");
  });

  it("failures outside the window do not add up", async () => {
    const s = setup();
    await outcome(s.call(down));
    await outcome(s.call(down));
    s.advance(11_000);
    await outcome(s.call(down));
    expect(s.breaker.state).toBe("closed");
  });

  it("half-open: one probe after the cool-down; success closes, failure re-opens", async () => {
    const s = setup();
    for (let i = 0; i < 3; i++) await outcome(s.call(timeout));
    s.advance(5_000);
    expect(s.breaker.state).toBe("half_open");
    // The probe fails: open again for a full cool-down.
    expect(await outcome(s.call(down))).toBe("unavailable:503");
    expect(s.breaker.state).toBe("open");
    expect(await outcome(s.call())).toBe("unavailable:circuit open");
    s.advance(5_000);
    // Only one probe at a time: a concurrent call fails fast.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const probe = s.breaker.run("GET", "/x", async () => {
      await gate;
      return "ok";
    });
    expect(await outcome(s.call())).toBe("unavailable:circuit open");
    release();
    expect(await probe).toBe("ok");
    expect(s.breaker.state).toBe("closed");
    expect(await outcome(s.call())).toBe("ok");
  });

  it("wraps every provider method", async () => {
    const breaker = createCircuitBreaker({ threshold: 1, cooldownMs: 60_000 });
    let sent = 0;
    const base = new Proxy({ name: "plugchat", capabilities: {} } as unknown as ChatProvider, {
      get(target, prop) {
        if (prop === "name" || prop === "capabilities") return Reflect.get(target, prop);
        return async () => {
          sent++;
          throw down();
        };
      },
    });
    const wrapped = withCircuitBreaker(base, breaker);
    expect(await outcome(wrapped.listDepartments("a"))).toBe("unavailable:503");
    expect(await outcome(wrapped.createDepartment("a", { name: "x", active: true }))).toBe("unavailable:circuit open");
    expect(await outcome(wrapped.createAccount({ externalId: "o", name: "n", active: true }))).toBe(
      "unavailable:circuit open",
    );
    expect(sent).toBe(1);
    expect(wrapped.name).toBe("plugchat");
  });
});
