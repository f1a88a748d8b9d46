import { clsx } from "clsx";

/** The closed set of badge colours; pick by meaning, not by hue. */
export type Tone = "neutral" | "info" | "success" | "warning" | "danger" | "brand";

const tones: Record<Tone, string> = {
  neutral: "bg-slate-100 text-slate-800",
  info: "bg-sky-50 text-sky-800",
  success: "bg-brand-50 text-brand-800",
  warning: "bg-warning-50 text-warning-700",
  danger: "bg-danger-50 text-danger-700 ring-1 ring-inset ring-danger-600/30",
  brand: "bg-brand-100 text-brand-900",
};

/** A short status word in a pill. `size="sm"` sits inline beside a name. */
export function Badge({
  tone = "neutral",
  size = "md",
  className,
  children,
  ...props
}: React.HTMLAttributes<HTMLSpanElement> & { tone?: Tone; size?: "sm" | "md" }) {
  return (
    <span
      {...props}
      className={clsx(
        "inline-flex items-center rounded-full text-xs font-semibold",
        size === "sm" ? "px-2 py-0.5" : "px-2.5 py-1",
        tones[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}

/** The one mapping from domain states to tones, so a state looks the same on every page. */
export const toneOf = {
  /** Operators and departments: active or deactivated. */
  active: (active: boolean): Tone => (active ? "success" : "neutral"),
  /** A member's role in the organization. */
  role: (role: "owner" | "admin" | "member"): Tone =>
    role === "owner" ? "brand" : role === "admin" ? "info" : "neutral",
  /** An audit entry's outcome. */
  result: (result: "success" | "failure" | "uncertain"): Tone =>
    result === "success" ? "success" : result === "failure" ? "danger" : "warning",
  /** A record's provisioning state against the chat provider. */
  provisioning: (state: string): Tone => (state === "synced" ? "success" : "warning"),
} as const;
