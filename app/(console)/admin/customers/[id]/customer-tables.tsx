"use client";
/** The customer's people, operators and departments (the kit's table: cards on phones). */
import { useTranslations } from "next-intl";
import { Badge, toneOf } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import type { TCustomerOutput } from "@/server/api/routers/console/customer/get";

type Operator = TCustomerOutput["operators"][number];
type Department = TCustomerOutput["departments"][number];
type Member = TCustomerOutput["members"][number];

function State({ state }: { state: Operator["state"] }) {
  const t = useTranslations("admin.customer");
  return <Badge tone={toneOf.provisioning(state)}>{t(`states.${state}`)}</Badge>;
}

function VendorId({ id }: { id: string | null }) {
  const t = useTranslations("admin.customer");
  return id ? <code className="break-all text-xs text-slate-700">{id}</code> : <span>{t("none")}</span>;
}

export function MembersTable({ rows }: { rows: Member[] }) {
  const t = useTranslations("admin.customer");
  return (
    <Table
      caption={t("members")}
      frame="flush"
      rows={rows}
      rowKey={(r) => r.email}
      columns={[
        { key: "name", header: t("name"), primary: true, cell: (r) => r.name },
        { key: "email", header: t("email"), cell: (r) => <span className="break-all">{r.email}</span> },
        {
          key: "role",
          header: t("role"),
          cell: (r) => <Badge tone={toneOf.role(r.role)}>{t(`roles.${r.role}`)}</Badge>,
        },
      ]}
    />
  );
}

export function OperatorsTable({ rows, suspended }: { rows: Operator[]; suspended: boolean }) {
  const t = useTranslations("admin.customer");
  const yesNo = (v: boolean) => (v ? t("yes") : t("no"));
  return (
    <Table
      caption={t("operators")}
      frame="flush"
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ "data-testid": "customer-operator", "data-active": r.active })}
      empty={<p className="px-4 py-3 text-sm text-slate-600">{t("none")}</p>}
      columns={[
        { key: "name", header: t("name"), primary: true, cell: (r) => r.name },
        { key: "vendor", header: t("vendorId"), cell: (r) => <VendorId id={r.vendorId} /> },
        { key: "state", header: t("state"), cell: (r) => <State state={r.state} /> },
        {
          key: "active",
          header: t("active"),
          cell: (r) => <Badge tone={toneOf.active(r.active)}>{yesNo(r.active)}</Badge>,
        },
        suspended && {
          key: "before",
          header: t("before"),
          cell: (r) => (r.activeBeforeSuspension === null ? t("none") : yesNo(r.activeBeforeSuspension)),
        },
      ]}
    />
  );
}

export function DepartmentsTable({ rows }: { rows: Department[] }) {
  const t = useTranslations("admin.customer");
  return (
    <Table
      caption={t("departments")}
      frame="flush"
      rows={rows}
      rowKey={(r) => r.id}
      empty={<p className="px-4 py-3 text-sm text-slate-600">{t("none")}</p>}
      columns={[
        { key: "name", header: t("name"), primary: true, cell: (r) => r.name },
        { key: "vendor", header: t("vendorId"), cell: (r) => <VendorId id={r.vendorId} /> },
        { key: "state", header: t("state"), cell: (r) => <State state={r.state} /> },
        {
          key: "active",
          header: t("active"),
          cell: (r) => <Badge tone={toneOf.active(r.active)}>{r.active ? t("yes") : t("no")}</Badge>,
        },
      ]}
    />
  );
}

type Comparison = NonNullable<TCustomerOutput["lastSyncComparison"]>["summary"];
type GroupKey = "onlyVendor" | "onlyLocal" | "different" | "checking" | "inSync";
const NAMES_SHOWN = 8;

function Names({ names }: { names: string[] }) {
  const t = useTranslations("admin.customer");
  if (names.length === 0) return <span>0</span>;
  return (
    <span className="break-words">
      <span className="font-semibold">{names.length}</span>
      {": "}
      {t("syncNames", { names: names.slice(0, NAMES_SHOWN).join(", "), more: Math.max(0, names.length - NAMES_SHOWN) })}
    </span>
  );
}

/** The last "Sincronizar" comparison the customer ran: per group, how many and which, by name. */
export function SyncComparisonTable({ summary }: { summary: Comparison }) {
  const t = useTranslations("admin.customer");
  const groups: GroupKey[] = ["onlyVendor", "onlyLocal", "different", "checking", "inSync"];
  const cell = (kind: "operators" | "departments", group: GroupKey) => {
    if (!summary.supported[kind]) return t("syncNotCompared");
    const side = summary[kind];
    return group === "inSync" ? String(side.inSync) : <Names names={side[group]} />;
  };
  return (
    <Table
      caption={t("syncTitle")}
      frame="flush"
      rows={groups}
      rowKey={(g) => g}
      rowProps={(g) => ({ "data-testid": "sync-comparison-group", "data-group": g })}
      columns={[
        { key: "group", header: t("syncGroup"), primary: true, cell: (g) => t(`syncGroups.${g}`) },
        { key: "operators", header: t("operators"), cell: (g) => cell("operators", g) },
        { key: "departments", header: t("departments"), cell: (g) => cell("departments", g) },
      ]}
    />
  );
}
