/** The operator import's CSV template for one organization (GET /api/import/template). */
import "server-only";
import { templateCsv } from "@/lib/import/operators-csv";
import { getDb } from "@/server/db/client";
import type { ChatProviderCapabilities } from "@/server/providers/types";
import { listDepartments } from "./departments";

/** Columns follow the provider's capabilities; the examples use the organization's own synced department names. */
export async function importTemplateCsv(
  organizationId: string,
  capabilities: ChatProviderCapabilities,
): Promise<string> {
  if (!capabilities.departments) return templateCsv(capabilities);
  const { db } = await getDb();
  const departments = await listDepartments(db, organizationId);
  return templateCsv(
    capabilities,
    departments.filter((d) => d.state === "synced").map((d) => d.name),
  );
}
