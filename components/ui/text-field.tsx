import { clsx } from "clsx";
import { forwardRef } from "react";
import { controlClass, Field, type FieldChromeProps } from "./field";

export interface TextFieldProps extends React.InputHTMLAttributes<HTMLInputElement>, FieldChromeProps {
  label: string;
  /** Rendered inside the input's right edge (e.g. a show-password toggle). */
  trailing?: React.ReactNode;
}

/** A labelled text input (the Field chrome around a native <input>). */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, error, hint, trailing, className, id, ...props },
  ref,
) {
  return (
    <Field label={label} error={error} hint={hint} id={id} className={className}>
      {(control) => (
        <div className="relative">
          <input
            ref={ref}
            {...control}
            className={clsx(controlClass(error), "placeholder:text-slate-400", trailing ? "pr-24" : null)}
            {...props}
          />
          {trailing && <div className="absolute inset-y-0 right-1 flex items-center">{trailing}</div>}
        </div>
      )}
    </Field>
  );
});
