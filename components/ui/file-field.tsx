import { clsx } from "clsx";
import { forwardRef } from "react";
import { Field, type FieldChromeProps } from "./field";

export interface FileFieldProps
  extends Omit<React.InputHTMLAttributes<HTMLInputElement>, "type" | "value">, FieldChromeProps {
  label: string;
}

/** A labelled file input (the Field chrome around a native <input type="file">, its button styled like ours). */
export const FileField = forwardRef<HTMLInputElement, FileFieldProps>(function FileField(
  { label, error, hint, className, id, ...props },
  ref,
) {
  return (
    <Field label={label} error={error} hint={hint} id={id} className={className}>
      {(control) => (
        <input
          ref={ref}
          type="file"
          {...control}
          className={clsx(
            "block w-full max-w-full text-sm text-slate-800",
            "file:mr-3 file:cursor-pointer file:rounded-lg file:border-0 file:bg-white file:px-4 file:py-2.5 file:text-sm file:font-semibold file:text-slate-800 file:ring-1 file:ring-inset file:ring-slate-300 hover:file:bg-slate-50",
          )}
          {...props}
        />
      )}
    </Field>
  );
});
