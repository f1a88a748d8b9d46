import { clsx } from "clsx";

type Variant = "primary" | "secondary" | "ghost" | "danger";

const styles: Record<Variant, string> = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-brand-700/60",
  secondary: "bg-white text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50",
  ghost: "text-slate-700 hover:bg-slate-100",
  danger: "bg-danger-600 text-white hover:bg-danger-700",
};

export interface ButtonProps extends React.ComponentPropsWithRef<"button"> {
  variant?: Variant;
  /** Shows a spinner and blocks a second submit while an action runs. */
  busy?: boolean;
  /**
   * Words only a screen reader hears, after the visible label: whose row the button acts on
   * ("Editar" + "Maria Souza" is named "Editar Maria Souza"). The name starts with the visible text,
   * so voice control ("clique em Editar") finds it. With a text label it is an aria-label built from
   * both (so the page's text has the name once, for getByText and for find-in-page); otherwise a
   * visually hidden span after the label.
   */
  context?: string;
}

export function Button({
  variant = "primary",
  busy = false,
  className,
  children,
  context,
  disabled,
  ...props
}: ButtonProps) {
  const textLabel = typeof children === "string" ? children : undefined;
  const named = context ? (textLabel !== undefined ? `${textLabel} ${context}` : undefined) : undefined;
  return (
    <button
      aria-label={named}
      {...props}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={clsx(
        "inline-flex items-center justify-center gap-2 rounded-lg px-4 py-2.5 text-sm font-semibold shadow-sm transition-colors disabled:cursor-not-allowed motion-reduce:transition-none",
        styles[variant],
        className,
      )}
    >
      {busy && (
        <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" />
      )}
      {children}
      {context && textLabel === undefined && <span className="sr-only"> {context}</span>}
    </button>
  );
}
