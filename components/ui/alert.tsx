import { clsx } from "clsx";

export function Alert({
  tone = "danger",
  children,
  className,
}: {
  tone?: "danger" | "warning" | "info";
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div
      role={tone === "info" ? "status" : "alert"}
      className={clsx(
        "rounded-lg border px-4 py-3 text-sm",
        tone === "danger" && "border-danger-600/30 bg-danger-50 text-danger-700",
        tone === "warning" && "border-warning-700/30 bg-warning-50 text-warning-700",
        tone === "info" && "border-brand-200 bg-brand-50 text-brand-800",
        className,
      )}
    >
      {children}
    </div>
  );
}
