import { clsx } from "clsx";
import { useId } from "react";

/** What every labelled control takes: its label, a hint, a translated error. */
export interface FieldChromeProps {
  label: string;
  /** A translated message shown under the control and announced to screen readers. */
  error?: string | undefined;
  hint?: string | undefined;
}

/** The attributes a control inside a Field carries, so its label, hint and error are announced. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** The ids and aria attributes of a control with a hint and/or an error. */
export function useFieldIds(id: string | undefined, error: string | undefined, hint: string | undefined) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const control: FieldControlProps = {
    id: controlId,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined,
  };
  return { hintId, errorId, control };
}

/** The hint (while there is no error) and the error (role=alert) under a control. */
export function FieldMessages({
  hint,
  error,
  hintId,
  errorId,
  className,
}: {
  hint?: string | undefined;
  error?: string | undefined;
  hintId: string;
  errorId: string;
  className?: string;
}) {
  return (
    <>
      {hint && !error && (
        <p id={hintId} className={clsx("text-xs text-slate-600", className)}>
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className={clsx("text-sm text-danger-700", className)}>
          {error}
        </p>
      )}
    </>
  );
}

/** The border and focus ring of a text-like control (input, select, textarea), red when in error. */
export function controlClass(error: string | undefined) {
  return clsx(
    "block w-full rounded-lg border bg-white px-3 py-2.5 text-sm text-slate-900 shadow-sm focus:outline-none focus:ring-2",
    error
      ? "border-danger-600 focus:ring-danger-600/30"
      : "border-slate-300 focus:border-brand-600 focus:ring-brand-600/30",
  );
}

/**
 * The label / hint / error chrome shared by every text-like control: `children` renders the
 * control with the given ids and aria attributes (`aria-describedby` names the error, then the hint).
 */
export function Field({
  label,
  hideLabel,
  error,
  hint,
  id,
  className,
  children,
}: FieldChromeProps & {
  /** Visually hidden label (tables): still announced to screen readers. */
  hideLabel?: boolean | undefined;
  id?: string | undefined;
  className?: string | undefined;
  children: (control: FieldControlProps) => React.ReactNode;
}) {
  const { hintId, errorId, control } = useFieldIds(id, error, hint);
  return (
    <div className={clsx("flex flex-col gap-1.5", className)}>
      <label htmlFor={control.id} className={hideLabel ? "sr-only" : "text-sm font-medium text-slate-800"}>
        {label}
      </label>
      {children(control)}
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  );
}
