"use client";
/** One section of the comparison (operators or departments): its counts and a table per group. */
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { AppRouter } from "@/server/api/root";

export type SyncData = inferRouterOutputs<AppRouter>["sync"]["compare"];
type Kind = "operator" | "department";
type OperatorSection = SyncData["operators"];
type DepartmentSection = SyncData["departments"];
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

function Group({
  title,
  hint,
  count,
  testId,
  children,
}: {
  title: string;
  hint: string;
  count: number;
  testId: string;
  children: React.ReactNode;
}) {
  const t = useTranslations("sync");
  if (count === 0) return null;
  return (
    <div className="flex flex-col gap-2" data-testid={testId}>
      <div>
        <h3 className="font-semibold text-slate-900">
          {title} <span className="text-slate-600">({count})</span>
        </h3>
        <p className="text-sm text-slate-600">{hint}</p>
      </div>
      <div className="overflow-x-auto rounded-card border border-slate-200 bg-white shadow-card">
        <table className="w-full min-w-[44rem] text-left text-sm">
          <caption className="sr-only">{title}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="w-[18%] px-4 py-3 font-semibold">
                {t("columns.name")}
              </th>
              <th scope="col" className="w-[22%] px-4 py-3 font-semibold">
                {t("columns.portal")}
              </th>
              <th scope="col" className="w-[22%] px-4 py-3 font-semibold">
                {t("columns.vendor")}
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                {t("columns.actions")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">{children}</tbody>
        </table>
      </div>
    </div>
  );
}

export function SyncSection({
  kind,
  section,
  busy,
  onFix,
}: {
  kind: Kind;
  section: OperatorSection | DepartmentSection;
  busy: boolean;
  onFix: (fix: Fix) => void;
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
  const clean = counts.onlyVendor + counts.onlyLocal + counts.different + counts.checking === 0;
  const action = (label: string, aria: string, fix: Fix, variant: "primary" | "secondary" | "ghost" = "secondary") => (
    <Button
      type="button"
      variant={variant}
      className="px-3 py-1.5 text-sm"
      aria-label={aria}
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
        title={t("groups.different")}
        hint={t("groups.differentHint")}
        count={counts.different}
        testId={`${kind}-different`}
      >
        {section.different.map((d) => (
          <tr key={d.id} data-testid="sync-row">
            <th scope="row" className="px-4 py-3 align-top font-medium text-slate-900">
              {d.portal.name}
            </th>
            <td className="px-4 py-3 align-top">
              <FieldList side={d.portal} fields={d.fields} />
            </td>
            <td className="px-4 py-3 align-top">
              <FieldList side={d.vendor} fields={d.fields} />
            </td>
            <td className="px-4 py-3 align-top">
              <div className="flex flex-wrap gap-2">
                {action(t("actions.push"), t("actions.pushLabel", { name: d.portal.name }), {
                  verb: "push",
                  kind,
                  id: d.id,
                  version: d.version,
                  name: d.portal.name,
                })}
                {action(t("actions.pull"), t("actions.pullLabel", { name: d.portal.name }), {
                  verb: "pull",
                  kind,
                  id: d.id,
                  version: d.version,
                  name: d.portal.name,
                })}
              </div>
            </td>
          </tr>
        ))}
      </Group>

      <Group
        title={t("groups.onlyVendor")}
        hint={t("groups.onlyVendorHint")}
        count={counts.onlyVendor}
        testId={`${kind}-only-vendor`}
      >
        {section.onlyVendor.map((v) => (
          <tr key={v.vendorId} data-testid="sync-row">
            <th scope="row" className="px-4 py-3 align-top font-medium text-slate-900">
              {v.name}
              {"isDefault" in v && v.isDefault && (
                <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700">
                  {t("default")}
                </span>
              )}
            </th>
            <td className="px-4 py-3 align-top">
              <Missing>{t("missing.portal")}</Missing>
            </td>
            <td className="px-4 py-3 align-top">
              <Summary side={v} kind={kind} />
            </td>
            <td className="px-4 py-3 align-top">
              {action(t("actions.adopt"), t("actions.adoptLabel", { name: v.name }), {
                verb: "adopt",
                kind,
                vendorId: v.vendorId,
                name: v.name,
              })}
            </td>
          </tr>
        ))}
      </Group>

      <Group
        title={t("groups.onlyLocal")}
        hint={t("groups.onlyLocalHint")}
        count={counts.onlyLocal}
        testId={`${kind}-only-local`}
      >
        {section.onlyLocal.map((l) => {
          const isDefault = "isDefault" in l && l.isDefault;
          return (
            <tr key={l.id} data-testid="sync-row">
              <th scope="row" className="px-4 py-3 align-top font-medium text-slate-900">
                {l.name}
                {isDefault && (
                  <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700">
                    {t("default")}
                  </span>
                )}
              </th>
              <td className="px-4 py-3 align-top">
                <Summary side={l} kind={kind} />
              </td>
              <td className="px-4 py-3 align-top">
                <Missing>{t("missing.vendor")}</Missing>
                <p className="mt-1 text-xs text-slate-600">{t(`reason.${l.reason}`)}</p>
              </td>
              <td className="px-4 py-3 align-top">
                <div className="flex flex-wrap gap-2">
                  {action(t("actions.recreate"), t("actions.recreateLabel", { name: l.name }), {
                    verb: "recreate",
                    kind,
                    id: l.id,
                    version: l.version,
                    name: l.name,
                  })}
                  {!isDefault &&
                    action(
                      t("actions.forget"),
                      t("actions.forgetLabel", { name: l.name }),
                      { verb: "forget", kind, id: l.id, version: l.version, name: l.name },
                      "ghost",
                    )}
                </div>
                {isDefault && <p className="mt-1 text-xs text-slate-600">{t("defaultHint")}</p>}
              </td>
            </tr>
          );
        })}
      </Group>

      {counts.checking > 0 && (
        <div className="rounded-card border border-slate-200 bg-slate-50 p-4" data-testid={`${kind}-checking`}>
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
        </div>
      )}
    </section>
  );
}
