import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, importColumnsFor, requiredColumnsFor } from "@/lib/import/operators-csv";
import { fetchForPage, getQueryClient, HydrateClient, trpc } from "@/lib/trpc/server";
import { ZImportJobInput } from "@/lib/validation/import";
import { ImportView } from "./import-view";
import { currentTeamAccess } from "../../current-role";
import { adminPageMetadata } from "../metadata";

export function generateMetadata(): Promise<Metadata> {
  return adminPageMetadata("import");
}

/**
 * Importar operadores — owners and admins only (../layout.tsx is the gate; the procedures
 * refuse members too). `?job=<id>` shows that import's progress; without it, a running import of the
 * organization is shown, so a reload or a second tab finds the job again.
 */
export default async function ImportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [t, format, access] = await Promise.all([getTranslations("import"), getFormatter(), currentTeamAccess()]);
  const { job } = await searchParams;
  const requestedJob = ZImportJobInput.shape.jobId.safeParse(job);

  const queryClient = getQueryClient();
  const [provider, jobs] = await Promise.all([
    fetchForPage(trpc.provider.capabilities.queryOptions()),
    fetchForPage(trpc.imports.list.queryOptions({})),
    queryClient.prefetchQuery(trpc.departments.list.queryOptions()),
  ]);
  const running = jobs.find((j) => j.status === "running");
  const jobId = requestedJob.success ? requestedJob.data : (running?.id ?? null);
  if (jobId) await queryClient.prefetchQuery(trpc.imports.get.queryOptions({ jobId }));
  const latest =
    !jobId && jobs[0]
      ? { id: jobs[0].id, fileName: jobs[0].fileName, done: jobs[0].done, failed: jobs[0].failed }
      : null;

  // Platform staff under support access: what was imported, never a new import.
  if (!access.canManage) {
    const last = jobs[0];
    return (
      <section className="flex flex-col gap-6">
        <PageHeader title={t("title")} description={t("subtitle")} />
        <Alert tone="info">{t("supportReadOnly")}</Alert>
        {last && (
          <p className="text-sm text-slate-700">
            {t("job.last", { file: last.fileName ?? "CSV", done: last.done, failed: last.failed })}
          </p>
        )}
      </section>
    );
  }

  const caps = provider.capabilities;
  const columns = importColumnsFor(caps);
  const required = new Set(requiredColumnsFor(caps));
  const help = (
    <Card className="flex flex-col gap-3 text-sm">
      <h2 className="text-base font-semibold text-slate-900">{t("howTo.title")}</h2>
      <p className="text-slate-700">{t("howTo.intro")}</p>
      <p className="text-slate-700">{t("template.hint")}</p>
      <dl className="flex flex-col gap-2.5">
        {columns.map((c) => (
          <div key={c}>
            <dt>
              <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[0.8125rem] font-semibold text-slate-900">
                {t(`columns.${c}.header`)}
              </code>{" "}
              <span className="text-xs text-slate-600">
                ({required.has(c) ? t("howTo.required") : t("howTo.optional")})
              </span>
            </dt>
            <dd className="mt-0.5 text-slate-700">{t(`columns.${c}.help`)}</dd>
          </div>
        ))}
      </dl>
      <p className="text-slate-600">
        {t("howTo.limits", {
          rows: format.number(IMPORT_MAX_ROWS),
          size: `${format.number(IMPORT_MAX_BYTES / 1_000_000)} MB`,
        })}
      </p>
    </Card>
  );

  return (
    <HydrateClient>
      <section className="flex flex-col gap-6">
        <PageHeader
          title={t("title")}
          description={t("subtitle")}
          actions={
            <a
              href="/api/import/template"
              download
              className="inline-flex items-center justify-center gap-2 rounded-lg bg-white px-4 py-2.5 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
            >
              <span aria-hidden>↓</span>
              {t("template.download")}
            </a>
          }
        />
        <ImportView
          caps={{ operatorEmail: caps.operatorEmail, departments: caps.departments, operatorLogin: caps.operatorLogin }}
          initialJobId={jobId}
          latest={latest}
          help={help}
        />
      </section>
    </HydrateClient>
  );
}
