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

/** A local record as the comparison sees it. */
interface LocalRecord {
  id: string;
  version: number;
  vendorId: string | null;
  state: string;
  name: string;
}

/**
 * One section of the comparison: each local record is checking (in flight), only local (failed,
 * or unknown to the provider), different or in sync; each provider record that no local record
 * knows is only at the vendor. `shape` says what each case shows of a record.
 */
function compareRecords<L extends LocalRecord, R extends { id: string; name: string }, LocalOnly, VendorOnly, Sides>(
  locals: readonly L[],
  remotes: readonly R[],
  shape: {
    onlyLocal: (l: L) => LocalOnly;
    onlyVendor: (r: R) => VendorOnly;
    sides: (l: L, r: R) => Sides & { fields: readonly string[] };
  },
) {
  const out = {
    onlyVendor: [] as Array<{ vendorId: string } & VendorOnly>,
    onlyLocal: [] as Array<{ id: string; version: number; reason: OnlyLocalReason } & LocalOnly>,
    different: [] as Array<{ id: string; version: number; vendorId: string } & Sides>,
    checking: [] as Array<{ id: string; name: string; state: "pending" | "uncertain" }>,
    inSync: 0,
  };
  const remoteById = new Map(remotes.map((r) => [r.id, r]));
  const knownVendorIds = new Set(locals.map((l) => l.vendorId).filter((v): v is string => v !== null));
  for (const l of locals) {
    if (inFlight(l.state)) {
      out.checking.push({ id: l.id, name: l.name, state: l.state });
      continue;
    }
    const remote = l.vendorId ? remoteById.get(l.vendorId) : undefined;
    if (l.state === "failed" || !remote) {
      const reason: OnlyLocalReason = l.state === "failed" ? "failed" : "missing_at_vendor";
      out.onlyLocal.push({ id: l.id, version: l.version, reason, ...shape.onlyLocal(l) });
      continue;
    }
    const sides = shape.sides(l, remote);
    if (sides.fields.length === 0) out.inSync++;
    else out.different.push({ id: l.id, version: l.version, vendorId: remote.id, ...sides });
  }
  for (const r of remotes) {
    if (knownVendorIds.has(r.id)) continue;
    // A local create of the same name still in flight: the reconciler adopts it.
    if (locals.some((l) => inFlight(l.state) && l.vendorId === null && sameName(l.name, r.name))) continue;
    out.onlyVendor.push({ vendorId: r.id, ...shape.onlyVendor(r) });
  }
  return out;
}

export function compareDepartments(view: VendorView): SyncComparison["departments"] {
  const side = (d: Department | ProviderDepartment): DepartmentSide => ({ name: d.name, active: d.active });
  return compareRecords(view.localDepartments, view.remoteDepartments, {
    onlyLocal: (l) => ({ isDefault: l.isDefault, ...side(l) }),
    onlyVendor: (r) => ({ ...side(r), isDefault: isGeral(r.name) }),
    sides: (l, r) => ({ fields: departmentFields(l, r), portal: side(l), vendor: side(r) }),
  });
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

function operatorDifferences(
  names: ReturnType<typeof departmentNamer>,
  l: Operator,
  r: ProviderOperator,
): OperatorField[] {
  const mine = names.localAsVendor(l.departmentIds);
  const theirs = new Set(r.departments);
  const fields: OperatorField[] = [];
  if (l.name !== r.name) fields.push("name");
  if (l.active !== r.active) fields.push("active");
  if (mine.size !== theirs.size || [...mine].some((d) => !theirs.has(d))) fields.push("departments");
  if (r.isAdmin !== null && r.isAdmin !== l.isAdmin) fields.push("isAdmin");
  return fields;
}

export function compareOperators(view: VendorView): SyncComparison["operators"] {
  const names = departmentNamer(view);
  const portal = (l: Operator): OperatorSide => ({
    name: l.name,
    active: l.active,
    departments: names.local(l.departmentIds),
    isAdmin: l.isAdmin,
  });
  const vendor = (r: ProviderOperator): OperatorSide => ({
    name: r.name,
    active: r.active,
    departments: names.vendor(r.departments),
    isAdmin: r.isAdmin,
  });
  return compareRecords(view.localOperators, view.remoteOperators, {
    onlyLocal: portal,
    onlyVendor: vendor,
    sides: (l, r) => ({ fields: operatorDifferences(names, l, r), portal: portal(l), vendor: vendor(r) }),
  });
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
