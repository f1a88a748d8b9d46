/**
 * The comparison behind "Sincronizar", pure: our rows and the provider's lists in, the
 * differences out (only ours, only theirs, different fields, still in flight, in sync). No
 * database, no vendor: `sync.ts` reads both sides and applies the fixes.
 */
import { sameName } from "@/lib/names";
import type { Department, Operator } from "@/server/db/schema";
import type { ChatProvider, ProviderDepartment, ProviderOperator } from "@/server/providers/types";

export type SyncKind = "operator" | "department";
export type OnlyLocalReason = "missing_at_vendor" | "failed";
export type DepartmentField = "name" | "active";
export type OperatorField = "name" | "active" | "departments" | "isAdmin";

export interface DepartmentSide {
  name: string;
  active: boolean;
}
export interface OperatorSide {
  name: string;
  active: boolean;
  /** Department names (compared by vendor id). */
  departments: string[];
  /** null: the provider's list does not say. */
  isAdmin: boolean | null;
}

export interface SyncComparison {
  supported: { operators: boolean; departments: boolean };
  comparedAt: Date;
  departments: {
    onlyVendor: Array<{ vendorId: string } & DepartmentSide & { isDefault: boolean }>;
    onlyLocal: Array<{ id: string; version: number; reason: OnlyLocalReason; isDefault: boolean } & DepartmentSide>;
    different: Array<{
      id: string;
      version: number;
      vendorId: string;
      fields: DepartmentField[];
      portal: DepartmentSide;
      vendor: DepartmentSide;
    }>;
    checking: Array<{ id: string; name: string; state: "pending" | "uncertain" }>;
    inSync: number;
  };
  operators: {
    onlyVendor: Array<{ vendorId: string } & OperatorSide>;
    onlyLocal: Array<{ id: string; version: number; reason: OnlyLocalReason } & OperatorSide>;
    different: Array<{
      id: string;
      version: number;
      vendorId: string;
      fields: OperatorField[];
      portal: OperatorSide;
      vendor: OperatorSide;
    }>;
    checking: Array<{ id: string; name: string; state: "pending" | "uncertain" }>;
    inSync: number;
  };
}

const DEFAULT_DEPARTMENT_NAME = "geral";
export const isGeral = (name: string) => sameName(name, DEFAULT_DEPARTMENT_NAME);
const inFlight = (state: string): state is "pending" | "uncertain" => state === "pending" || state === "uncertain";

/** What this provider lets us compare: a section needs the provider's list for it. */
export function syncSupport(provider: ChatProvider): SyncComparison["supported"] {
  return { operators: provider.capabilities.listOperators, departments: provider.capabilities.departments };
}

/** Both sides, as read for one comparison. */
export interface VendorView {
  remoteDepartments: ProviderDepartment[];
  remoteOperators: ProviderOperator[];
  localDepartments: Department[];
  localOperators: Operator[];
}

function departmentFields(local: Department, remote: ProviderDepartment): DepartmentField[] {
  const fields: DepartmentField[] = [];
  if (local.name !== remote.name) fields.push("name");
  if (local.active !== remote.active) fields.push("active");
  return fields;
}

export function compareDepartments(view: VendorView): SyncComparison["departments"] {
  const out: SyncComparison["departments"] = { onlyVendor: [], onlyLocal: [], different: [], checking: [], inSync: 0 };
  const remoteById = new Map(view.remoteDepartments.map((r) => [r.id, r]));
  const knownVendorIds = new Set(view.localDepartments.map((l) => l.vendorId).filter((v): v is string => v !== null));
  for (const l of view.localDepartments) {
    if (inFlight(l.state)) {
      out.checking.push({ id: l.id, name: l.name, state: l.state });
      continue;
    }
    const remote = l.vendorId ? remoteById.get(l.vendorId) : undefined;
    if (l.state === "failed" || !remote) {
      out.onlyLocal.push({
        id: l.id,
        version: l.version,
        reason: l.state === "failed" ? "failed" : "missing_at_vendor",
        isDefault: l.isDefault,
        name: l.name,
        active: l.active,
      });
      continue;
    }
    const fields = departmentFields(l, remote);
    if (fields.length === 0) out.inSync++;
    else
      out.different.push({
        id: l.id,
        version: l.version,
        vendorId: remote.id,
        fields,
        portal: { name: l.name, active: l.active },
        vendor: { name: remote.name, active: remote.active },
      });
  }
  for (const r of view.remoteDepartments) {
    if (knownVendorIds.has(r.id)) continue;
    // A local create of the same name still in flight: the reconciler adopts it.
    if (view.localDepartments.some((l) => inFlight(l.state) && l.vendorId === null && sameName(l.name, r.name)))
      continue;
    out.onlyVendor.push({ vendorId: r.id, name: r.name, active: r.active, isDefault: isGeral(r.name) });
  }
  return out;
}

/** Names for vendor department ids: the provider's own list first, then our mirror. */
function departmentNamer(view: VendorView) {
  const byVendorId = new Map<string, string>();
  for (const l of view.localDepartments) if (l.vendorId) byVendorId.set(l.vendorId, l.name);
  for (const r of view.remoteDepartments) byVendorId.set(r.id, r.name);
  const byLocalId = new Map(view.localDepartments.map((l) => [l.id, l]));
  return {
    vendor: (ids: string[]) => ids.map((id) => byVendorId.get(id) ?? id).sort((a, b) => a.localeCompare(b, "pt-BR")),
    local: (ids: string[]) =>
      ids
        .flatMap((id) => (byLocalId.has(id) ? [byLocalId.get(id)!.name] : []))
        .sort((a, b) => a.localeCompare(b, "pt-BR")),
    /** Local ids → the set compared with the provider's (an unsynced department counts as itself). */
    localAsVendor: (ids: string[]) =>
      new Set(ids.flatMap((id) => (byLocalId.has(id) ? [byLocalId.get(id)!.vendorId ?? `local:${id}`] : []))),
  };
}

function operatorSides(names: ReturnType<typeof departmentNamer>, l: Operator, r: ProviderOperator) {
  const mine = names.localAsVendor(l.departmentIds);
  const theirs = new Set(r.departments);
  const fields: OperatorField[] = [];
  if (l.name !== r.name) fields.push("name");
  if (l.active !== r.active) fields.push("active");
  if (mine.size !== theirs.size || [...mine].some((d) => !theirs.has(d))) fields.push("departments");
  if (r.isAdmin !== null && r.isAdmin !== l.isAdmin) fields.push("isAdmin");
  return {
    fields,
    portal: { name: l.name, active: l.active, departments: names.local(l.departmentIds), isAdmin: l.isAdmin },
    vendor: { name: r.name, active: r.active, departments: names.vendor(r.departments), isAdmin: r.isAdmin },
  };
}

export function compareOperators(view: VendorView): SyncComparison["operators"] {
  const out: SyncComparison["operators"] = { onlyVendor: [], onlyLocal: [], different: [], checking: [], inSync: 0 };
  const names = departmentNamer(view);
  const remoteById = new Map(view.remoteOperators.map((r) => [r.id, r]));
  const knownVendorIds = new Set(view.localOperators.map((l) => l.vendorId).filter((v): v is string => v !== null));
  for (const l of view.localOperators) {
    if (inFlight(l.state)) {
      out.checking.push({ id: l.id, name: l.name, state: l.state });
      continue;
    }
    const remote = l.vendorId ? remoteById.get(l.vendorId) : undefined;
    if (l.state === "failed" || !remote) {
      out.onlyLocal.push({
        id: l.id,
        version: l.version,
        reason: l.state === "failed" ? "failed" : "missing_at_vendor",
        name: l.name,
        active: l.active,
        departments: names.local(l.departmentIds),
        isAdmin: l.isAdmin,
      });
      continue;
    }
    const sides = operatorSides(names, l, remote);
    if (sides.fields.length === 0) out.inSync++;
    else out.different.push({ id: l.id, version: l.version, vendorId: remote.id, ...sides });
  }
  for (const r of view.remoteOperators) {
    if (knownVendorIds.has(r.id)) continue;
    if (view.localOperators.some((l) => inFlight(l.state) && l.vendorId === null && sameName(l.name, r.name))) continue;
    out.onlyVendor.push({
      vendorId: r.id,
      name: r.name,
      active: r.active,
      departments: names.vendor(r.departments),
      isAdmin: r.isAdmin,
    });
  }
  return out;
}

const empty = () => ({ onlyVendor: [], onlyLocal: [], different: [], checking: [], inSync: 0 });

/** Both sides compared, for the sections this provider supports (the others stay empty). */
export function compareView(
  view: VendorView,
  supported: SyncComparison["supported"],
  comparedAt: Date,
): SyncComparison {
  return {
    supported,
    comparedAt,
    departments: supported.departments ? compareDepartments(view) : empty(),
    operators: supported.operators ? compareOperators(view) : empty(),
  };
}

/** No comparison at all (a provider without lists). */
export function emptyComparison(supported: SyncComparison["supported"], comparedAt: Date): SyncComparison {
  return { supported, comparedAt, departments: empty(), operators: empty() };
}
