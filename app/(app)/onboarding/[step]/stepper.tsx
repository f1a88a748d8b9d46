import { clsx } from "clsx";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { stepIndex, type OnboardingStep } from "@/lib/onboarding/steps";

/** The wizard's progress: reached steps are links (going back keeps what was entered). */
/** `steps`: this backend's steps (stepsFor(capabilities)). */
export async function Stepper({
  steps,
  current,
  reached,
  completed,
}: {
  steps: OnboardingStep[];
  current: OnboardingStep;
  reached: OnboardingStep;
  completed: OnboardingStep[];
}) {
  const t = await getTranslations("onboarding");
  return (
    <nav aria-label={t("progress")}>
      <ol className="flex flex-wrap gap-2 text-sm">
        {steps.map((s, i) => {
          const done = completed.includes(s);
          const isCurrent = s === current;
          const reachable = stepIndex(s) <= stepIndex(reached);
          const label = (
            <>
              <span
                aria-hidden
                className={clsx(
                  "grid size-6 place-items-center rounded-full text-xs font-semibold",
                  done
                    ? "bg-brand-700 text-white"
                    : isCurrent
                      ? "bg-brand-100 text-brand-800 ring-2 ring-brand-700"
                      : "bg-slate-100 text-slate-700",
                )}
              >
                {done ? "✓" : i + 1}
              </span>
              <span>{t(`steps.${s}`)}</span>
              {done && <span className="sr-only">({t("stepDone")})</span>}
            </>
          );
          const cls = clsx(
            "flex items-center gap-2 rounded-full px-3 py-1.5",
            isCurrent ? "bg-white font-semibold text-slate-900 shadow-sm ring-1 ring-slate-200" : "text-slate-700",
          );
          return (
            <li key={s}>
              {reachable && !isCurrent ? (
                <Link href={`/onboarding/${s}`} className={clsx(cls, "hover:bg-slate-100")}>
                  {label}
                </Link>
              ) : (
                <span className={cls} aria-current={isCurrent ? "step" : undefined}>
                  {label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
