import { clsx } from "clsx";

const tones = {
  default: "border-slate-200 bg-white shadow-card",
  muted: "border-slate-200 bg-slate-50",
  brand: "border-brand-200 bg-brand-50",
  warning: "border-warning-700/30 bg-warning-50",
} as const;

const paddings = { lg: "p-6", md: "p-4", none: "" } as const;

export interface CardProps extends Omit<React.HTMLAttributes<HTMLDivElement>, "title"> {
  /** A heading (h2 unless `titleAs`) with an optional line below it and actions on its right. */
  title?: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  titleAs?: "h2" | "h3";
  /** The heading's id, for an aria-labelledby elsewhere. */
  titleId?: string;
  tone?: keyof typeof tones;
  padding?: keyof typeof paddings;
  /** `section` when the card is a labelled region of the page. */
  as?: "div" | "section";
}

/**
 * The one card: a framed block. With a `title` it stacks a heading (and description/actions)
 * above its content; without one it is only the frame.
 */
export function Card({
  title,
  description,
  actions,
  titleAs: Heading = "h2",
  titleId,
  tone = "default",
  padding = "lg",
  as: Frame = "div",
  className,
  children,
  ...props
}: CardProps) {
  const frame = clsx("rounded-card border", tones[tone], paddings[padding]);
  if (title === undefined)
    return (
      <Frame {...props} className={clsx(frame, className)}>
        {children}
      </Frame>
    );
  return (
    <Frame {...props} className={clsx(frame, "flex flex-col gap-5", className)}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <Heading id={titleId} className="text-lg font-semibold text-slate-900">
            {title}
          </Heading>
          {description && <div className="mt-1 text-sm text-slate-600">{description}</div>}
        </div>
        {actions && <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div>}
      </div>
      {children}
    </Frame>
  );
}
