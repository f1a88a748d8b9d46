"use client";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { StepCard } from "./step-card";
import { useWizard } from "./use-wizard";

/**
 * Step 1 once done (the account created, or the chat space connected): what was set up, term by
 * term (`code` values are identifiers, set in monospace and broken anywhere), and "Continuar".
 */
export function CompanyDone({
  notice,
  facts,
  className,
}: {
  notice: string;
  facts: { term: string; value: string; code?: boolean }[];
  /** The list's grid. */
  className: string;
}) {
  const t = useTranslations("onboarding.company");
  const { goTo, next } = useWizard();
  return (
    <StepCard heading={t("heading")}>
      <Alert tone="info">{notice}</Alert>
      <dl className={className}>
        {facts.map((fact) => (
          <div key={fact.term}>
            <dt className="font-medium text-slate-700">{fact.term}</dt>
            <dd className={fact.code ? "break-all font-mono text-slate-900" : "text-slate-900"}>{fact.value}</dd>
          </div>
        ))}
      </dl>
      <div>
        <Button type="button" onClick={() => void goTo(next("company"))}>
          {t("continue")}
        </Button>
      </div>
    </StepCard>
  );
}
