"use client";
/** One section of the comparison (operators or departments): its counts and a table per group. */
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import type { AppRouter } from "@/server/api/root";

export type SyncData = inferRouterOutputs<AppRouter>["sync"]["compare"];
type Kind = "operator" | "department";
type OperatorSection = SyncData["operators"];
type DepartmentSection = SyncData["departments"];
type Sections = OperatorSection | DepartmentSection;
type Different = Sections["different"][number];
type OnlyVendor = Sections["onlyVendor"][number];
type OnlyLocal = Sections["onlyLocal"][number];
type Side = { name: string; active: boolean; departments?: string[]; isAdmin?: boolean | null };
type Field = "name" | "active" | "departments" | "isAdmin";

/** What a click asks for; `name` is for the messages only. */
export type Fix =
  | { verb: "adopt"; kind: Kind; vendorId: string; name: string }
  | { verb: "push" | "pull" | "recreate" | "forget"; kind: Kind; id: string; version: number; name: string };

function useValue() {
  const t = useTranslations("sync");
  return (side: Side, field: Field): string => {
    switch (field) {
      case "name":
        return side.name;
      case "active":
        return side.active ? t("values.active") : t("values.inactive");
      case "departments":
        return side.departments && side.departments.length > 0
          ? side.departments.join(", ")
          : t("values.noDepartments");
      case "isAdmin":
        return side.isAdmin === null || side.isAdmin === undefined
          ? t("values.unknown")
          : side.isAdmin
            ? t("values.yes")
            : t("values.no");
    }
  };
}

/** A record as one side has it: status, departments and admin flag where known. */
function Summary({ side, kind }: { side: Side; kind: Kind }) {
  const t = useTranslations("sync");
  const value = useValue();
  return (
    <ul className="flex flex-col gap-0.5 text-slate-800">
      <li>{value(side, "active")}</li>
      {kind === "operator" && <li>{value(side, "departments")}</li>}
      {kind === "operator" && side.isAdmin === true && <li>{t("values.admin")}</li>}
    </ul>
  );
}

function FieldList({ side, fields }: { side: Side; fields: Field[] }) {
  const t = useTranslations("sync");
  const value = useValue();
  return (
    <dl className="flex flex-col gap-1">
      {fields.map((f) => (
        <div key={f}>
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t(`fields.${f}`)}</dt>
          <dd className="text-slate-900">{value(side, f)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Missing({ children }: { children: React.ReactNode }) {
  return <span className="italic text-slate-600">{children}</span>;
}

/** One group of the comparison: the record's name, each side's view of it, and the fixes offered. */
function Group<Row>({
  title,
  hint,
  testId,
  rows,
  rowKey,
  name,
  portal,
  vendor,
  actions,
  readOnly,
}: {
  title: string;
  hint: string;
  testId: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  name: (row: Row) => React.ReactNode;
  portal: (row: Row) => React.ReactNode;
  vendor: (row: Row) => React.ReactNode;
  actions: (row: Row) => React.ReactNode;
  /** Platform staff under support access: the differences without the fixes. */
  readOnly: boolean;
}) {
  const t = useTranslations("sync");
  if (rows.length === 0) return null;
  return (
    <div className="flex flex-col gap-2" data-testid={testId}>
      <div>
        <h3 className="font-semibold text-slate-900">
          {title} <span className="text-slate-600">({rows.length})</span>
        </h3>
        <p className="text-sm text-slate-600">{hint}</p>
      </div>
      <Table
        caption={title}
        minWidth="sm:min-w-[44rem]"
        rows={rows}
        rowKey={rowKey}
        rowProps={() => ({ "data-testid": "sync-row" })}
        columns={[
          {
            key: "name",
            header: t("columns.name"),
            primary: true,
            headerClassName: "w-[18%]",
            cell: (row) => <span className="font-medium text-slate-900">{name(row)}</span>,
          },
          { key: "portal", header: t("columns.portal"), headerClassName: "w-[22%]", cell: portal },
          { key: "vendor", header: t("columns.vendor"), headerClassName: "w-[22%]", cell: vendor },
          !readOnly && { key: "actions", header: t("columns.actions"), actions: true, cell: actions },
        ]}
      />
    </div>
  );
}

export function SyncSection({
  kind,
  section,
  busy,
  onFix,
  readOnly,
}: {
  kind: Kind;
  section: OperatorSection | DepartmentSection;
  busy: boolean;
  onFix: (fix: Fix) => void;
  readOnly: boolean;
}) {
  const t = useTranslations("sync");
  const title = kind === "operator" ? t("sections.operators") : t("sections.departments");
  const headingId = `sync-${kind}`;
  const counts = {
    onlyVendor: section.onlyVendor.length,
    onlyLocal: section.onlyLocal.length,
    different: section.different.length,
    checking: section.checking.length,
    inSync: section.inSync,
  };
  // Each group's rows, whichever kind of record (an array of a union, not a union of arrays).
  const different: readonly Different[] = section.different;
  const onlyVendor: readonly OnlyVendor[] = section.onlyVendor;
  const onlyLocal: readonly OnlyLocal[] = section.onlyLocal;
  const clean = counts.onlyVendor + counts.onlyLocal + counts.different + counts.checking === 0;
  // `context` (which record) is heard after the visible label, never instead of it.
  const action = (
    label: string,
    context: string,
    fix: Fix,
    variant: "primary" | "secondary" | "ghost" = "secondary",
  ) => (
    <Button
      type="button"
      variant={variant}
      className="px-3 py-1.5 text-sm"
      context={context}
      disabled={busy}
      onClick={() => onFix(fix)}
    >
      {label}
    </Button>
  );

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4" data-testid={`sync-section-${kind}`}>
      <header>
        <h2 id={headingId} className="text-xl font-semibold text-slate-900">
          {title}
        </h2>
        <p className="text-sm text-slate-600">{t("counts", counts)}</p>
      </header>
      {clean && <p className="text-sm text-slate-700">{t("sectionUpToDate")}</p>}

      <Group
        readOnly={readOnly}
        title={t("groups.different")}
        hint={t("groups.differentHint")}
        testId={`${kind}-different`}
        rows={different}
        rowKey={(d) => d.id}
        name={(d) => d.portal.name}
        portal={(d) => <FieldList side={d.portal} fields={d.fields} />}
        vendor={(d) => <FieldList side={d.vendor} fields={d.fields} />}
        actions={(d) => (
          <div className="flex flex-wrap gap-2">
            {action(t("actions.push"), t("actions.forName", { name: d.portal.name }), {
              verb: "push",
              kind,
              id: d.id,
              version: d.version,
              name: d.portal.name,
            })}
            {action(t("actions.pull"), t("actions.forName", { name: d.portal.name }), {
              verb: "pull",
              kind,
              id: d.id,
              version: d.version,
              name: d.portal.name,
            })}
          </div>
        )}
      />

      <Group
        readOnly={readOnly}
        title={t("groups.onlyVendor")}
        hint={t("groups.onlyVendorHint")}
        testId={`${kind}-only-vendor`}
        rows={onlyVendor}
        rowKey={(v) => v.vendorId}
        name={(v) => (
          <>
            {v.name}
            {"isDefault" in v && v.isDefault && (
              <Badge size="sm" className="ml-2">
                {t("default")}
              </Badge>
            )}
          </>
        )}
        portal={() => <Missing>{t("missing.portal")}</Missing>}
        vendor={(v) => <Summary side={v} kind={kind} />}
        actions={(v) =>
          action(t("actions.adopt"), v.name, {
            verb: "adopt",
            kind,
            vendorId: v.vendorId,
            name: v.name,
          })
        }
      />

      <Group
        readOnly={readOnly}
        title={t("groups.onlyLocal")}
        hint={t("groups.onlyLocalHint")}
        testId={`${kind}-only-local`}
        rows={onlyLocal}
        rowKey={(l) => l.id}
        name={(l) => (
          <>
            {l.name}
            {"isDefault" in l && l.isDefault && (
              <Badge size="sm" className="ml-2">
                {t("default")}
              </Badge>
            )}
          </>
        )}
        portal={(l) => <Summary side={l} kind={kind} />}
        vendor={(l) => (
          <>
            <Missing>{t("missing.vendor")}</Missing>
            <p className="mt-1 text-xs text-slate-600">{t(`reason.${l.reason}`)}</p>
          </>
        )}
        actions={(l) => {
          const isDefault = "isDefault" in l && l.isDefault;
          return (
            <>
              <div className="flex flex-wrap gap-2">
                {action(t("actions.recreate"), l.name, {
                  verb: "recreate",
                  kind,
                  id: l.id,
                  version: l.version,
                  name: l.name,
                })}
                {!isDefault &&
                  action(
                    t("actions.forget"),
                    l.name,
                    { verb: "forget", kind, id: l.id, version: l.version, name: l.name },
                    "ghost",
                  )}
              </div>
              {isDefault && <p className="mt-1 text-xs text-slate-600">{t("defaultHint")}</p>}
            </>
          );
        }}
      />

      {counts.checking > 0 && (
        <Card tone="muted" padding="md" data-testid={`${kind}-checking`}>
          <h3 className="font-semibold text-slate-900">
            {t("groups.checking")} <span className="text-slate-600">({counts.checking})</span>
          </h3>
          <p className="text-sm text-slate-600">{t("groups.checkingHint")}</p>
          <ul className="mt-2 flex flex-col gap-1 text-sm text-slate-800">
            {section.checking.map((c) => (
              <li key={c.id}>
                <span className="font-medium">{c.name}</span> — {t(`checkingState.${c.state}`)}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </section>
  );
}
