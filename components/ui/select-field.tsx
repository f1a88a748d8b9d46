import { forwardRef } from "react";
import { controlClass, Field, type FieldChromeProps } from "./field";

export interface SelectFieldProps extends React.SelectHTMLAttributes<HTMLSelectElement>, FieldChromeProps {
  label: string;
  /** Visually hidden label (tables): still announced to screen readers. */
  hideLabel?: boolean;
}

/** A labelled native <select> (the Field chrome around it). */
export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, hideLabel, error, hint, className, id, children, ...props },
  ref,
) {
  return (
    <Field label={label} hideLabel={hideLabel} error={error} hint={hint} id={id} className={className}>
      {(control) => (
        <select ref={ref} {...control} className={controlClass(error)} {...props}>
          {children}
        </select>
      )}
    </Field>
  );
});
