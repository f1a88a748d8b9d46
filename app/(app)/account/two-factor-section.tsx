/**
 * Minha conta → "Verificação em duas etapas" (anchor #two-factor, where the signed-in layout
 * sends owners and admins whose organization requires it). Owners also get the organization's
 * requirement switch.
 */
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getQueryClient, HydrateClient, trpc } from "@/lib/trpc/server";
import { currentOrgScope } from "@/server/auth/current-org";
import { currentSession } from "@/server/auth/current";
import { mustEnrolTwoFactor } from "@/server/auth/two-factor-gate";
import { TwoFactorPanel } from "./two-factor-panel";
import { TwoFactorRequirementToggle } from "./two-factor-requirement-toggle";

export const TWO_FACTOR_ANCHOR = "two-factor";

export async function TwoFactorSection() {
  const session = await currentSession();
  if (!session) return null;
  const [t, scope] = await Promise.all([getTranslations("twoFactor.section"), currentOrgScope(session.userId)]);
  await getQueryClient().prefetchQuery(trpc.twoFactor.status.queryOptions());
  const role = scope?.membership.role;
  const mustEnrol = scope ? mustEnrolTwoFactor(session, scope) : false;
  return (
    <HydrateClient>
      <Card id={TWO_FACTOR_ANCHOR} className="scroll-mt-6" title={t("title")} description={t("intro")}>
        {mustEnrol && <Alert tone="warning">{t("requiredNotice")}</Alert>}
        <TwoFactorPanel email={session.email} />
        {role === "owner" && scope && (
          <TwoFactorRequirementToggle required={scope.org.requireTwoFactor} ownEnabled={session.twoFactorEnabled} />
        )}
      </Card>
    </HydrateClient>
  );
}
