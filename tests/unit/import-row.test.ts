import { describe, expect, it } from "vitest";
import { appError } from "@/server/errors";
import type { ProvisioningErrorInfo } from "@/server/db/schema";
import { ProviderError, type ProviderErrorKind } from "@/server/providers/errors";
import {
  RECHECK_MS,
  backoffMs,
  fromLastError,
  importRowInput,
  stepAfterError,
  stepAfterReconcile,
  stepForRecord,
} from "@/server/provisioning/import-row";

const timing = { graceMs: 60_000, settleMs: 10_000 };
const now = Date.parse("2026-01-01T12:00:00Z");
const ago = (ms: number) => new Date(now - ms);
const vendor = (kind: ProviderErrorKind, extra: { status?: number; reason?: string; retryAfter?: number } = {}) =>
  new ProviderError(kind, kind, { method: "POST", path: "/operators", ...extra });
const lastError = (
  kind: ProvisioningErrorInfo["kind"],
  extra: Partial<ProvisioningErrorInfo> = {},
): ProvisioningErrorInfo => ({ at: "2026-01-01T11:59:00Z", kind, ...extra });

describe("stepForRecord: a claimed row whose operator record exists", () => {
  it("synced → done; failed → the record is dropped and its reason reported", () => {
    expect(stepForRecord({ state: "synced", updatedAt: ago(0) }, now, timing, { operatorUpsert: false })).toEqual({
      kind: "done",
    });
    expect(stepForRecord({ state: "failed", updatedAt: ago(0) }, now, timing, { operatorUpsert: true })).toEqual({
      kind: "drop-failed",
    });
  });

  it("a young pending or uncertain record is waited for, without counting an attempt, the wait capped", () => {
    expect(
      stepForRecord({ state: "uncertain", updatedAt: ago(8_000) }, now, timing, { operatorUpsert: false }),
    ).toEqual({
      kind: "later",
      delayMs: 2_050,
      code: "PROVISIONING_IN_PROGRESS",
      message: null,
      counts: false,
    });
    const pending = stepForRecord({ state: "pending", updatedAt: ago(1_000) }, now, timing, { operatorUpsert: true });
    expect(pending).toMatchObject({ kind: "later", delayMs: RECHECK_MS, counts: false });
  });

  it("once settled: an upsert backend repeats the upsert (a stale pending flipped first), a list backend asks the reconciler", () => {
    expect(stepForRecord({ state: "pending", updatedAt: ago(61_000) }, now, timing, { operatorUpsert: true })).toEqual({
      kind: "repeat-upsert",
      flipPending: true,
    });
    expect(
      stepForRecord({ state: "uncertain", updatedAt: ago(11_000) }, now, timing, { operatorUpsert: true }),
    ).toEqual({ kind: "repeat-upsert", flipPending: false });
    expect(
      stepForRecord({ state: "uncertain", updatedAt: ago(11_000) }, now, timing, { operatorUpsert: false }),
    ).toEqual({ kind: "reconcile" });
  });
});

describe("stepAfterError: a create that failed", () => {
  it("no record left: a refusal fails the row with the vendor's reason; 429 / refused comes back later (Retry-After kept)", () => {
    expect(stepAfterError(null, vendor("rejected", { status: 422, reason: "login em uso" }), timing, 1)).toEqual({
      kind: "failed",
      code: "VENDOR_REJECTED",
      message: "login em uso",
    });
    expect(stepAfterError(null, vendor("unavailable", { status: 429, retryAfter: 7 }), timing, 1)).toEqual({
      kind: "later",
      delayMs: 7_000,
      code: "VENDOR_RATE_LIMITED",
      message: null,
      counts: true,
    });
  });

  it("no record and an app error (e.g. a name taken) fails with its code; anything else is not for the queue to judge", () => {
    expect(stepAfterError(null, appError("NAME_TAKEN"), timing, 1)).toEqual({
      kind: "failed",
      code: "NAME_TAKEN",
      message: null,
    });
    expect(stepAfterError(null, new Error("database gone"), timing, 1)).toBeNull();
  });

  it("a record left behind decides: synced → done, failed → dropped, uncertain → looked at again once settled", () => {
    expect(stepAfterError({ state: "synced", lastError: null }, vendor("ambiguous"), timing, 1)).toEqual({
      kind: "done",
    });
    expect(
      stepAfterError({ state: "failed", lastError: lastError("rejected") }, vendor("rejected"), timing, 1),
    ).toEqual({ kind: "drop-failed" });
    expect(
      stepAfterError({ state: "uncertain", lastError: null }, vendor("ambiguous", { reason: "timeout" }), timing, 1),
    ).toEqual({
      kind: "later",
      delayMs: RECHECK_MS,
      code: "VENDOR_TIMEOUT",
      message: "timeout",
      counts: true,
    });
    expect(
      stepAfterError(
        { state: "uncertain", lastError: lastError("unavailable", { status: 503, reason: "down" }) },
        new Error("x"),
        { settleMs: 1_000 },
        1,
      ),
    ).toEqual({
      kind: "later",
      delayMs: 1_000,
      code: "VENDOR_UNAVAILABLE",
      message: "down",
      counts: true,
    });
  });
});

describe("stepAfterReconcile", () => {
  it("gone → create; synced → done; failed → dropped; still open → later, counted only when the reconciler ran", () => {
    expect(stepAfterReconcile(null, true, timing)).toEqual({ kind: "create" });
    expect(stepAfterReconcile({ state: "synced", lastError: null }, true, timing)).toEqual({ kind: "done" });
    expect(stepAfterReconcile({ state: "failed", lastError: null }, true, timing)).toEqual({ kind: "drop-failed" });
    expect(
      stepAfterReconcile({ state: "uncertain", lastError: lastError("unavailable", { status: 429 }) }, false, timing),
    ).toEqual({
      kind: "later",
      delayMs: RECHECK_MS,
      code: "VENDOR_RATE_LIMITED",
      message: null,
      counts: false,
    });
  });
});

describe("helpers", () => {
  it("fromLastError: the app code of a recorded failure", () => {
    expect(fromLastError(null)).toEqual({ code: "VENDOR_REJECTED", message: null });
    expect(fromLastError(lastError("unauthorized"))).toEqual({ code: "VENDOR_MISCONFIGURED", message: null });
    expect(fromLastError(lastError("internal"))).toEqual({ code: "INTERNAL", message: null });
  });

  it("backoffMs: doubles per attempt from 0.5 s, capped at 30 s, jittered down to half", () => {
    expect(backoffMs(1, undefined, 0.999999)).toBeCloseTo(500, 0);
    expect(backoffMs(3, undefined, 0)).toBe(1_000);
    expect(backoffMs(20, undefined, 0.999999)).toBeCloseTo(30_000, 0);
    expect(backoffMs(20, 3)).toBe(3_000);
  });

  it("importRowInput: the CSV values as a create, with a role only where the backend has roles", () => {
    const row = {
      operatorId: "op-1",
      values: { name: "Ana", departmentNames: ["Vendas"], departmentIds: ["d-1"], isAdmin: true, email: "ana@x.test" },
    };
    expect(importRowInput(row, { capabilities: { operatorRoles: false } })).toEqual({
      id: "op-1",
      name: "Ana",
      isAdmin: true,
      departmentIds: ["d-1"],
      email: "ana@x.test",
    });
    expect(
      importRowInput({ ...row, values: { ...row.values, isAdmin: false } }, { capabilities: { operatorRoles: true } }),
    ).toMatchObject({ roleCode: "AGENT" });
    expect(importRowInput(row, { capabilities: { operatorRoles: true } })).toMatchObject({ roleCode: "ADMIN" });
    // A deployment's own codes: the first for administrators, the last for the others.
    const own = { capabilities: { operatorRoles: true }, roleCodes: ["OWNER", "SUPERVISOR", "AGENT"] };
    expect(importRowInput(row, own)).toMatchObject({ roleCode: "OWNER" });
    expect(importRowInput({ ...row, values: { ...row.values, isAdmin: false } }, own)).toMatchObject({
      roleCode: "AGENT",
    });
  });
});
