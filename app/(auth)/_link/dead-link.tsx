/** A link that cannot be used: a heading, why (in the person's language), and where to go next. */
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import type { AppErrorCode, AppErrorInfo } from "@/server/api/errors";

export async function DeadLink({
  title,
  error,
  explained,
  fallback,
  links,
}: {
  title: string;
  error: AppErrorInfo;
  /** The codes whose own message says what happened; any other code is said as `fallback`. */
  explained: AppErrorCode[];
  fallback: AppErrorCode;
  links: { href: string; label: string }[];
}) {
  const te = await getTranslations("errors");
  const code = explained.includes(error.code) ? error.code : fallback;
  return (
    <Card>
      <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
      <Alert className="mt-4">{te(code, error.params as { minutes: number })}</Alert>
      <div className="mt-6 flex flex-wrap justify-between gap-3 text-sm">
        {links.map((link) => (
          <Link key={link.href} href={link.href} className="font-semibold text-brand-700 hover:underline">
            {link.label}
          </Link>
        ))}
      </div>
    </Card>
  );
}
