import { clsx } from "clsx";

export function Card({ className, ...props }: React.HTMLAttributes<HTMLDivElement>) {
  return (
    <div {...props} className={clsx("rounded-card border border-slate-200 bg-white p-6 shadow-card", className)} />
  );
}
