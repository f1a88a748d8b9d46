/**
 * A page's heading (its one h1), an optional line below it, optional actions on the right, and
 * an optional small line above it (the wizard's "Passo 2 de 6").
 */
export function PageHeader({
  title,
  description,
  actions,
  eyebrow,
}: {
  title: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  eyebrow?: React.ReactNode;
}) {
  const heading = (
    <div>
      {eyebrow && <p className="text-sm font-medium text-brand-700">{eyebrow}</p>}
      <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
      {description && <p className="mt-1 max-w-2xl text-slate-600">{description}</p>}
    </div>
  );
  if (!actions) return <header>{heading}</header>;
  return (
    <header className="flex flex-wrap items-end justify-between gap-4">
      {heading}
      <div className="flex shrink-0 items-center gap-3">{actions}</div>
    </header>
  );
}
