import { clsx } from "clsx";
import { forwardRef } from "react";
import { controlClass, Field, type FieldChromeProps } from "./field";

export interface TextAreaFieldProps extends React.TextareaHTMLAttributes<HTMLTextAreaElement>, FieldChromeProps {
  label: string;
  /** A line under the control's right edge (e.g. "120 de 1000 caracteres"), announced politely. */
  counter?: React.ReactNode;
}

/** A labelled multi-line text input (the Field chrome around a native <textarea>). */
export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(function TextAreaField(
  { label, error, hint, counter, className, id, rows = 4, ...props },
  ref,
) {
  return (
    <Field label={label} error={error} hint={hint} id={id} className={className}>
      {(control) => (
        <div className="flex flex-col gap-1">
          <textarea
            ref={ref}
            rows={rows}
            {...control}
            className={clsx(controlClass(error), "resize-y placeholder:text-slate-400")}
            {...props}
          />
          {counter !== undefined && <p className="self-end text-xs text-slate-600">{counter}</p>}
        </div>
      )}
    </Field>
  );
});
