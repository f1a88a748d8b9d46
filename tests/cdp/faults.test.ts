/**
 * The PlugChat fault switches on the CDP emulator → typed client errors, and the retry of the
 * idempotent upsert: unavailable and ambiguous failures are repeated (bounded), and a repeat
 * after an applied-then-failed call still leaves exactly one operator.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startCdpEmulator } from "@/emulators/cdp";
import type { CdpEmulator } from "@/emulators/cdp";
import { ITEM, PROJECT, UPSERT, addFault, clientFor, control, failure, snapshot, startEmulator } from "./helpers";

let emu: CdpEmulator;
let client: ReturnType<typeof clientFor>;
/** No automatic retries: each fault's own classification. */
let once: ReturnType<typeof clientFor>;

beforeAll(async () => {
  emu = await startEmulator();
  client = clientFor(emu, { timeoutMs: 300 });
  once = clientFor(emu, { timeoutMs: 300, retry: { retries: 0 } });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const DTO = { email: "ana@example.com", firstName: "Ana", createUserIfMissing: true, roleCode: "AGENT" };
const upsert = (c = client) => c.upsertOperator(PROJECT, ITEM, DTO);
const operators = async () => (await snapshot(emu)).operators;
const count = async () => (await snapshot(emu)).requestCounts[UPSERT] ?? 0;
const settle = () => new Promise((r) => setTimeout(r, 400));

describe("fault → typed error (one attempt)", () => {
  for (const status of [500, 502, 503]) {
    it(`status ${status} → unavailable, nothing applied`, async () => {
      await addFault(emu, { method: "POST", path: "/operators$", kind: "status", status, times: 1 });
      const e = await failure(upsert(once));
      expect(e).toMatchObject({ kind: "unavailable", details: { status, code: "INTERNAL_ERROR" } });
      expect(await operators()).toHaveLength(0);
    });
  }

  it("status 401 → unauthorized; 404 → not_found", async () => {
    await addFault(emu, { kind: "status", status: 401, times: 1 });
    expect((await failure(upsert(once))).kind).toBe("unauthorized");
    await addFault(emu, { kind: "status", status: 404, times: 1 });
    expect((await failure(upsert(once))).kind).toBe("not_found");
  });

  it("rate_limit → unavailable with retryAfter", async () => {
    await addFault(emu, { kind: "rate_limit", retryAfter: 7, times: 1 });
    expect(await failure(upsert(once))).toMatchObject({
      kind: "unavailable",
      details: { status: 429, retryAfter: 7, code: "TOO_MANY_REQUESTS" },
    });
  });

  it("drop → ambiguous, not applied", async () => {
    await addFault(emu, { kind: "drop", times: 1 });
    expect((await failure(upsert(once))).kind).toBe("ambiguous");
    expect(await operators()).toHaveLength(0);
  });

  it("latency beyond the timeout → ambiguous (timeout), applied later", async () => {
    await addFault(emu, { kind: "latency", latencyMs: 600, times: 1 });
    const e = await failure(upsert(once));
    expect(e).toMatchObject({ kind: "ambiguous", details: { reason: "timeout" } });
    await settle();
    expect(await operators()).toHaveLength(1);
  });

  it("commit_then_fail → unavailable 500, applied", async () => {
    await addFault(emu, { kind: "commit_then_fail", times: 1 });
    expect(await failure(upsert(once))).toMatchObject({ kind: "unavailable", details: { status: 500 } });
    expect(await operators()).toHaveLength(1);
  });

  it("commit_then_hang and reset → ambiguous, applied", async () => {
    await addFault(emu, { kind: "commit_then_hang", times: 1 });
    expect((await failure(upsert(once))).kind).toBe("ambiguous");
    await addFault(emu, { kind: "reset", times: 1 });
    expect((await failure(upsert(once))).kind).toBe("ambiguous");
    const ops = await operators();
    expect(ops).toHaveLength(1);
    expect(ops[0]?.writes).toBe(2);
  });

  it("malformed 200 → ambiguous, applied", async () => {
    await addFault(emu, { kind: "malformed", times: 1 });
    expect((await failure(upsert(once))).kind).toBe("ambiguous");
    expect(await operators()).toHaveLength(1);
  });

  it("connection refused → unavailable (ECONNREFUSED)", async () => {
    const gone = await startCdpEmulator({ port: 0 });
    const baseUrl = gone.baseUrl;
    await gone.close();
    const e = await failure(clientFor(emu, { baseUrl, retry: { retries: 0 } }).upsertOperator(PROJECT, ITEM, DTO));
    expect(e).toMatchObject({ kind: "unavailable", details: { reason: "ECONNREFUSED" } });
  });

  it("the fault switches are the shared control surface (list, clear, latency)", async () => {
    await addFault(emu, { method: "POST", kind: "status", status: 503 });
    expect((await control<unknown[]>(emu, "GET", "/faults")).body).toHaveLength(1);
    expect((await control(emu, "DELETE", "/faults")).status).toBe(200);
    expect((await control<unknown[]>(emu, "GET", "/faults")).body).toHaveLength(0);
    expect((await control(emu, "POST", "/latency", { latencyMs: 600 })).status).toBe(200);
    expect((await failure(upsert(once))).kind).toBe("ambiguous");
    expect((await control(emu, "POST", "/faults", { kind: "nonsense" })).status).toBe(400);
  });
});

describe("retry of the idempotent upsert", () => {
  it("after a transient 503 (not applied): retried, exactly one operator", async () => {
    await addFault(emu, { kind: "status", status: 503, times: 1 });
    const data = await upsert();
    expect(data.created).toBe(true);
    expect(await count()).toBe(2);
    expect(await operators()).toHaveLength(1);
  });

  it("after commit_then_fail (applied, then 500): the repeat updates the same binding — one operator", async () => {
    await addFault(emu, { kind: "commit_then_fail", times: 1 });
    const data = await upsert();
    expect(data.created).toBe(false);
    expect(await count()).toBe(2);
    const ops = await operators();
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ userUuid: data.userUuid, writes: 2 });
    expect((await snapshot(emu)).users).toHaveLength(1);
  });

  it("after a reset connection and a timeout (ambiguous): retried, one operator", async () => {
    await addFault(emu, { kind: "reset", times: 1 });
    await addFault(emu, { kind: "commit_then_hang", times: 1 });
    const data = await upsert();
    expect(data.userUuid).toEqual(expect.any(String));
    expect(await count()).toBe(3);
    expect(await operators()).toHaveLength(1);
  });

  it("bounded: a persistent 503 gives up after 1 + retries attempts", async () => {
    await addFault(emu, { kind: "status", status: 503 });
    expect((await failure(upsert())).kind).toBe("unavailable");
    expect(await count()).toBe(3);
  });

  it("a Retry-After beyond the cap is not waited for", async () => {
    await addFault(emu, { kind: "rate_limit", retryAfter: 30 });
    expect(await failure(upsert())).toMatchObject({ kind: "unavailable", details: { retryAfter: 30 } });
    expect(await count()).toBe(1);
  });

  it("definite refusals are never retried (rejected, unauthorized, not_found)", async () => {
    await failure(client.upsertOperator(PROJECT, ITEM, { email: "bad" }));
    await failure(clientFor(emu, { token: "nope" }).upsertOperator(PROJECT, ITEM, DTO));
    await failure(client.upsertOperator("unknown", ITEM, DTO));
    expect(await count()).toBe(3);
  });
});
