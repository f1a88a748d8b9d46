/** A page's heading (its one h1), an optional line below it, and optional actions on the right. */
export function PageHeader({ title, description, actions }: { title: React.ReactNode; description?: React.ReactNode; actions?: React.ReactNode }) {
  const heading = (
    <div>
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
