/**
 * The body of an e-mailed link page (reset password, confirm e-mail): the form under a heading
 * when the link can be used, otherwise the DeadLink that says why and where to go next.
 */
import type { ComponentProps, ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { DeadLink } from "./dead-link";
import type { LinkState } from "./read-link";

export function LinkPage<T>({
  link,
  dead,
  title,
  subtitle,
  children,
}: {
  link: LinkState<T>;
  /** What the DeadLink says when the link cannot be used (its error comes from `link`). */
  dead: Omit<ComponentProps<typeof DeadLink>, "error">;
  title: string;
  subtitle: (link: T) => ReactNode;
  /** The form, given what the link leads to. */
  children: (link: T) => ReactNode;
}) {
  if (!link.ok) return <DeadLink {...dead} error={link.error} />;
  return (
    <Card>
      <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">{subtitle(link)}</p>
      {children(link)}
    </Card>
  );
}
