import { clsx } from "clsx";
import { Button } from "./button";

/** The end of a filter form: "Aplicar" (submits it) and "Limpar" (back to no filters). */
export function FilterActions({
  applyLabel,
  clearLabel,
  onClear,
  className,
}: {
  applyLabel: string;
  clearLabel: string;
  onClear: () => void;
  /** Where the row sits in the form's grid. */
  className?: string;
}) {
  return (
    <div className={clsx("flex items-end gap-2", className)}>
      <Button type="submit">{applyLabel}</Button>
      <Button type="button" variant="ghost" onClick={onClear}>
        {clearLabel}
      </Button>
    </div>
  );
}
