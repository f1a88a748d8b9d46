/**
 * GET /api/import/template — the CSV template of the operator import, for the deployment's
 * chat backend (its columns follow the provider's capabilities) and with the organization's
 * own department names in the examples. Owners and admins only, like the import page.
 */
import { currentOrgScope } from "@/server/auth/current-org";
import { currentSession } from "@/server/auth/current";
import { importTemplateCsv } from "@/server/provisioning/import-template";
import { currentProviderInfo } from "@/server/providers/info";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const session = await currentSession();
  if (!session) return new Response(null, { status: 401 });
  const scope = await currentOrgScope(session.userId);
  if (!scope) return new Response(null, { status: 401 });
  if (scope.membership.role === "member") return new Response(null, { status: 403 });
  const provider = await currentProviderInfo();
  if (!provider) return new Response(null, { status: 503 });
  // The template starts with a UTF-8 BOM, so Excel shows "João" and "não" right.
  const body = await importTemplateCsv(scope.org.id, provider.capabilities);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="modelo-operadores.csv"',
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
