/**
 * Which departments the operator form offers (zod-free, for the form itself): the active ones,
 * and an inactive one only where the operator being edited is already in it — kept, marked
 * inactive, so saving does not silently drop it. A new assignment to an inactive department is
 * never offered (it would route no chats); the server refuses one too.
 */

/** A department as the form receives it. */
export interface DepartmentChoiceSource {
  id: string;
  name: string;
  active: boolean;
}

/** One checkbox of the departments group. */
export interface DepartmentChoice {
  id: string;
  name: string;
  inactive: boolean;
}

export function departmentChoices(
  departments: readonly DepartmentChoiceSource[],
  assigned: readonly string[] = [],
): DepartmentChoice[] {
  return departments
    .filter((d) => d.active || assigned.includes(d.id))
    .map((d) => ({ id: d.id, name: d.name, inactive: !d.active }));
}
