import { clsx } from "clsx";
import { forwardRef, useId } from "react";
import { FieldMessages, useFieldIds } from "./field";

export interface CheckboxProps extends Omit<React.InputHTMLAttributes<HTMLInputElement>, "type"> {
  label: string;
  hint?: string | undefined;
  /** A translated message shown under the checkbox and announced to screen readers. */
  error?: string | undefined;
}

/** A native checkbox with its label, an optional hint and an error announced under it. */
export const Checkbox = forwardRef<HTMLInputElement, CheckboxProps>(function Checkbox(
  { label, hint, error, className, id, ...props },
  ref,
) {
  const { hintId, errorId, control } = useFieldIds(id, error, hint);
  return (
    <div className={clsx("flex flex-col gap-1", className)}>
      <label htmlFor={control.id} className="flex items-start gap-2 text-sm text-slate-800">
        <input ref={ref} type="checkbox" {...control} className="mt-0.5 size-4 shrink-0 accent-brand-700" {...props} />
        {label}
      </label>
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} className="pl-6" />
    </div>
  );
});

export interface CheckboxOption {
  value: string;
  label: string;
}

/**
 * A group of checkboxes (fieldset + legend) choosing several values: `value` is the chosen
 * ones. `empty` is shown when there is nothing to choose.
 */
export function CheckboxGroup({
  legend,
  options,
  value,
  onChange,
  onBlur,
  error,
  hint,
  empty,
  name,
  className,
}: {
  legend: string;
  options: readonly CheckboxOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  onBlur?: () => void;
  error?: string | undefined;
  hint?: string | undefined;
  empty?: string | undefined;
  name?: string | undefined;
  className?: string | undefined;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint && !error ? hintId : null].filter(Boolean).join(" ") || undefined;
  // Values not among the options (e.g. a department no longer offered) are kept as they are.
  const toggle = (v: string, on: boolean) =>
    onChange(on ? [...value.filter((x) => x !== v), v] : value.filter((x) => x !== v));
  return (
    <fieldset
      className={clsx("flex flex-col gap-2", className)}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
    >
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {options.length === 0 && empty && <p className="text-sm text-slate-600">{empty}</p>}
      {options.length > 0 && (
        <div className="grid gap-2 sm:grid-cols-2">
          {options.map((o) => (
            <label key={o.value} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                name={name}
                value={o.value}
                checked={value.includes(o.value)}
                onChange={(e) => toggle(o.value, e.target.checked)}
                onBlur={onBlur}
                className="size-4 shrink-0 accent-brand-700"
              />
              {o.label}
            </label>
          ))}
        </div>
      )}
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </fieldset>
  );
}
