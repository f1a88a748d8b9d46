/**
 * Fault switches → typed client errors. Definitions:
 * - status 5xx / rate_limit (429)      → unavailable (429 carries retryAfter); not applied
 * - drop (socket destroyed, not applied) → ambiguous: the client cannot tell it was not applied
 * - latency beyond the client timeout   → ambiguous (applied once the server gets to it)
 * - commit_then_fail                    → unavailable with status 500, object exists
 * - commit_then_hang / reset            → ambiguous, object exists
 * - malformed 200                       → ambiguous on writes, unavailable on reads
 * - 401                                 → unauthorized; closed port → unavailable
 * GET/PUT/DELETE are retried on unavailable; POST never is (request counts from /__emulator/state).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startPlugchatEmulator } from "@/emulators/plugchat";
import type { PlugchatEmulator } from "@/emulators/plugchat";
import { ProviderError } from "@/server/providers/errors";
import { addFault, clientFor, newAccount, snapshot, startEmulator } from "./helpers";

let emu: PlugchatEmulator;
let client: ReturnType<typeof clientFor>;
let accountId: string;

const OPS = "POST /account/:id/operators";
const LIST_OPS = "GET /account/:id/operators";

beforeAll(async () => {
  emu = await startEmulator();
  client = clientFor(emu, { timeoutMs: 300 });
});
afterAll(() => emu.close());
beforeEach(async () => {
  emu.reset();
  accountId = await newAccount(emu);
});

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const e = await p.then(
    () => new Error("expected a failure"),
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(ProviderError);
  return e as ProviderError;
}

const createOp = () => client.createOperator(accountId, { name: "Operador", active: true, departments: [] });
const operatorCount = async () => (await snapshot(emu)).operators.length;
const count = async (key: string) => (await snapshot(emu)).requestCounts[key] ?? 0;
const settle = () => new Promise((r) => setTimeout(r, 400));

describe("not applied, definite failures", () => {
  for (const status of [500, 502, 503]) {
    it(`status ${status} on POST → unavailable, not retried, nothing created`, async () => {
      await addFault(emu, { method: "POST", path: "/operators$", kind: "status", status });
      const e = await failure(createOp());
      expect(e).toMatchObject({ kind: "unavailable", details: { status } });
      expect(await count(OPS)).toBe(1);
      expect(await operatorCount()).toBe(0);
    });
  }

  it("status 503 on GET (unlimited) → retried up to the policy, then unavailable", async () => {
    await addFault(emu, { method: "GET", path: "/operators", kind: "status", status: 503 });
    const e = await failure(client.listOperators(accountId));
    expect(e.kind).toBe("unavailable");
    expect(await count(LIST_OPS)).toBe(3);
  });

  it("rate_limit on POST → unavailable with retryAfter, not retried", async () => {
    await addFault(emu, { path: "/account/", kind: "rate_limit", retryAfter: 7 });
    const e = await failure(createOp());
    expect(e).toMatchObject({ kind: "unavailable", details: { status: 429, retryAfter: 7 } });
    expect(await count(OPS)).toBe(1);
  });

  it("rate_limit on GET: a Retry-After within the cap is waited for and retried; beyond the cap it is not", async () => {
    await addFault(emu, { method: "GET", kind: "rate_limit", retryAfter: 0, times: 1 });
    expect(await client.listOperators(accountId)).toEqual([]);
    expect(await count(LIST_OPS)).toBe(2);

    await addFault(emu, { method: "GET", kind: "rate_limit", retryAfter: 30, times: 1 });
    const e = await failure(client.listOperators(accountId));
    expect(e).toMatchObject({ kind: "unavailable", details: { retryAfter: 30 } });
    expect(await count(LIST_OPS)).toBe(3);
  });

  it("401 → unauthorized", async () => {
    await addFault(emu, { kind: "status", status: 401, times: 1 });
    expect((await failure(client.listDepartments(accountId))).kind).toBe("unauthorized");
  });

  it("connection refused (closed port) → unavailable", async () => {
    const gone = await startPlugchatEmulator({ port: 0 });
    const baseUrl = gone.baseUrl;
    await gone.close();
    const dead = clientFor(emu, { baseUrl, retry: { retries: 0 } });
    const e = await failure(dead.createAccount({ externalId: "1", name: "n", active: true }));
    expect(e.kind).toBe("unavailable");
    expect(e.details.reason).toBe("ECONNREFUSED");
  });
});

describe("retries", () => {
  it("a GET succeeds after a transient fault (times: 1)", async () => {
    await addFault(emu, { method: "GET", path: "/departments", kind: "status", status: 502, times: 1 });
    const list = await client.listDepartments(accountId);
    expect(list.map((d) => d.name)).toEqual(["Geral"]);
    expect(await count("GET /account/:id/departments")).toBe(2);
  });

  it("a PUT (idempotent by id) succeeds after a transient fault", async () => {
    const op = await createOp();
    await addFault(emu, { method: "PUT", kind: "status", status: 503, times: 1 });
    const res = await client.updateOperator(accountId, { id: op.id, name: "Novo", active: false, departments: [] });
    expect(res.id).toBe(op.id);
    expect(await count("PUT /account/:id/operators")).toBe(2);
  });

  it("a POST is never retried, even after a transient fault", async () => {
    await addFault(emu, { method: "POST", kind: "status", status: 503, times: 1 });
    await failure(createOp());
    expect(await count(OPS)).toBe(1);
    expect(await operatorCount()).toBe(0);
    await createOp();
    expect(await count(OPS)).toBe(2);
    expect(await operatorCount()).toBe(1);
  });
});

describe("outcome unknown", () => {
  it("drop before applying on POST → ambiguous, nothing created, sent once", async () => {
    await addFault(emu, { method: "POST", kind: "drop", times: 1 });
    const e = await failure(createOp());
    expect(e.kind).toBe("ambiguous");
    expect(await count(OPS)).toBe(1);
    expect(await operatorCount()).toBe(0);
  });

  it("latency over the timeout on POST → ambiguous (and the server still applies it)", async () => {
    await addFault(emu, { method: "POST", kind: "latency", latencyMs: 600, times: 1 });
    const e = await failure(createOp());
    expect(e.kind).toBe("ambiguous");
    expect(e.details.reason).toBe("timeout");
    await settle();
    expect(await operatorCount()).toBe(1);
  });

  it("global latency over the timeout on GET → ambiguous", async () => {
    emu.setLatency(600);
    const e = await failure(client.listOperators(accountId));
    emu.setLatency(0);
    expect(e.kind).toBe("ambiguous");
  });

  it("commit_then_fail on create → unavailable 500, and the object exists", async () => {
    await addFault(emu, { method: "POST", path: "/operators", kind: "commit_then_fail", times: 1 });
    const e = await failure(createOp());
    expect(e).toMatchObject({ kind: "unavailable", details: { status: 500 } });
    expect(await count(OPS)).toBe(1);
    expect(await operatorCount()).toBe(1);
  });

  it("commit_then_hang on create → ambiguous after the timeout, object exists", async () => {
    await addFault(emu, { method: "POST", kind: "commit_then_hang", times: 1 });
    const e = await failure(createOp());
    expect(e.kind).toBe("ambiguous");
    expect(await operatorCount()).toBe(1);
  });

  it("reset (applied, then connection destroyed) on create → ambiguous, object exists", async () => {
    await addFault(emu, { method: "POST", kind: "reset", times: 1 });
    const e = await failure(createOp());
    expect(e.kind).toBe("ambiguous");
    expect(await count(OPS)).toBe(1);
    expect(await operatorCount()).toBe(1);
  });

  it("malformed 200 on a write → ambiguous; on a read → unavailable (retried)", async () => {
    await addFault(emu, { method: "POST", kind: "malformed", times: 1 });
    expect((await failure(createOp())).kind).toBe("ambiguous");
    expect(await operatorCount()).toBe(1);

    await addFault(emu, { method: "GET", kind: "malformed", times: 1 });
    expect(await client.listOperators(accountId)).toHaveLength(1);
    await addFault(emu, { method: "GET", kind: "malformed" });
    expect((await failure(client.listOperators(accountId))).kind).toBe("unavailable");
  });
});
