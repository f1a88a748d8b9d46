import { describe, expect, it } from "vitest";
import type { Department, Operator } from "@/server/db/schema";
import type { ProviderDepartment, ProviderOperator } from "@/server/providers/types";
import {
  compareDepartments,
  compareOperators,
  compareView,
  emptyComparison,
  type VendorView,
} from "@/server/provisioning/sync-compare";

const at = new Date("2026-01-01T00:00:00Z");

function dept(id: string, over: Partial<Department> = {}): Department {
  return {
    id,
    organizationId: "org",
    vendorId: `v-${id}`,
    name: id,
    active: true,
    isDefault: false,
    state: "synced",
    lastError: null,
    version: 1,
    deletedAt: null,
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}
function op(id: string, over: Partial<Operator> = {}): Operator {
  return {
    id,
    organizationId: "org",
    vendorId: `v-${id}`,
    name: id,
    active: true,
    isAdmin: false,
    departmentIds: [],
    login: null,
    email: null,
    firstName: null,
    lastName: null,
    roleCode: null,
    onlyAssignedConversations: null,
    userId: null,
    accessTokenCiphertext: null,
    state: "synced",
    lastError: null,
    version: 1,
    activeBeforeSuspension: null,
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}
const rDept = (id: string, name: string, active = true): ProviderDepartment => ({ id, name, active, createdAt: null });
const rOp = (id: string, name: string, over: Partial<ProviderOperator> = {}): ProviderOperator => ({
  id,
  name,
  active: true,
  departments: [],
  isAdmin: false,
  createdAt: null,
  accessToken: null,
  ...over,
});
const view = (v: Partial<VendorView>): VendorView => ({
  remoteDepartments: [],
  remoteOperators: [],
  localDepartments: [],
  localOperators: [],
  ...v,
});

describe("compareDepartments", () => {
  it("sorts each row into in sync, different, only ours, only theirs and still in flight", () => {
    const out = compareDepartments(
      view({
        localDepartments: [
          dept("same"),
          dept("renamed", { name: "Vendas" }),
          dept("gone"),
          dept("refused", { state: "failed", vendorId: null }),
          dept("creating", { state: "pending", vendorId: null, name: "Suporte" }),
        ],
        remoteDepartments: [
          rDept("v-same", "same"),
          rDept("v-renamed", "Comercial", false),
          rDept("v-new", "Geral"),
          rDept("v-x", " suporte "),
        ],
      }),
    );
    expect(out.inSync).toBe(1);
    expect(out.different).toEqual([
      {
        id: "renamed",
        version: 1,
        vendorId: "v-renamed",
        fields: ["name", "active"],
        portal: { name: "Vendas", active: true },
        vendor: { name: "Comercial", active: false },
      },
    ]);
    expect(out.onlyLocal.map((l) => [l.id, l.reason])).toEqual([
      ["gone", "missing_at_vendor"],
      ["refused", "failed"],
    ]);
    expect(out.checking).toEqual([{ id: "creating", name: "Suporte", state: "pending" }]);
    // " suporte " is the in-flight create's own record (the reconciler adopts it); "Geral" is the default one.
    expect(out.onlyVendor).toEqual([{ vendorId: "v-new", name: "Geral", active: true, isDefault: true }]);
  });
});

describe("compareOperators", () => {
  it("compares departments by vendor id and names them, and ignores an isAdmin the list does not give", () => {
    const local = [dept("d1", { name: "Vendas" }), dept("d2", { name: "Suporte", vendorId: null, state: "failed" })];
    const out = compareOperators(
      view({
        localDepartments: local,
        remoteDepartments: [rDept("v-d1", "Vendas"), rDept("v-d3", "Atendimento")],
        localOperators: [
          op("ana", { departmentIds: ["d1"], isAdmin: true }),
          op("bia", { departmentIds: ["d1", "d2"] }),
          op("caio", { vendorId: null, state: "uncertain" }),
        ],
        remoteOperators: [
          rOp("v-ana", "ana", { departments: ["v-d1"], isAdmin: null }),
          rOp("v-bia", "bia", { departments: ["v-d3"] }),
          rOp("v-caio", "Caio"),
          rOp("v-duda", "duda", { departments: ["v-d3", "v-d1"] }),
        ],
      }),
    );
    expect(out.inSync).toBe(1);
    expect(out.different).toEqual([
      {
        id: "bia",
        version: 1,
        vendorId: "v-bia",
        fields: ["departments"],
        portal: { name: "bia", active: true, departments: ["Suporte", "Vendas"], isAdmin: false },
        vendor: { name: "bia", active: true, departments: ["Atendimento"], isAdmin: false },
      },
    ]);
    expect(out.checking).toEqual([{ id: "caio", name: "caio", state: "uncertain" }]);
    expect(out.onlyVendor).toEqual([
      { vendorId: "v-duda", name: "duda", active: true, departments: ["Atendimento", "Vendas"], isAdmin: false },
    ]);
    expect(out.onlyLocal).toEqual([]);
  });
});

describe("compareView", () => {
  it("fills only the sections the provider supports", () => {
    const v = view({
      localDepartments: [dept("a")],
      remoteDepartments: [rDept("v-a", "a")],
      localOperators: [op("o")],
    });
    const onlyDepartments = compareView(v, { operators: false, departments: true }, at);
    expect(onlyDepartments.departments.inSync).toBe(1);
    expect(onlyDepartments.operators).toEqual({
      onlyVendor: [],
      onlyLocal: [],
      different: [],
      checking: [],
      inSync: 0,
    });
    expect(compareView(v, { operators: true, departments: false }, at).operators.onlyLocal.map((o) => o.id)).toEqual([
      "o",
    ]);
    expect(emptyComparison({ operators: false, departments: false }, at)).toEqual({
      supported: { operators: false, departments: false },
      comparedAt: at,
      departments: { onlyVendor: [], onlyLocal: [], different: [], checking: [], inSync: 0 },
      operators: { onlyVendor: [], onlyLocal: [], different: [], checking: [], inSync: 0 },
    });
  });
});
