/** One side of a "Sincronizar" comparison — the full one (the page) or its summary by name (the console). */
export interface ComparisonGroups {
  onlyVendor: readonly unknown[];
  onlyLocal: readonly unknown[];
  different: readonly unknown[];
  checking: readonly unknown[];
}

/** How many records of these sides are not in sync (0: nothing to fix or wait for). */
export function differenceCount(sides: readonly ComparisonGroups[]): number {
  return sides.reduce(
    (n, s) => n + s.onlyVendor.length + s.onlyLocal.length + s.different.length + s.checking.length,
    0,
  );
}
