/**
 * Operator rows whose outcome is still open ("Criando…"/"Sincronizando": pending; waiting for the
 * chat service's confirmation: uncertain) are read again on their own until they settle, so a page
 * opened or reloaded mid-create never shows a stale state. A pending create is answered within
 * the provider's timeout (seconds); an uncertain one waits for the reconciler (minutes), so it is
 * asked about less often. Zod-free: the wizard step and the team table import it.
 */

/** Milliseconds between reads while a row is pending. */
export const PENDING_REFETCH_MS = 1_500;
/** Milliseconds between reads while the only open rows are uncertain. */
export const UNCERTAIN_REFETCH_MS = 10_000;

/** The react-query `refetchInterval` for a list of operator rows: a period while one is open, else false. */
export function refetchWhileSettling(rows: ReadonlyArray<{ state: string }> | undefined): number | false {
  if (!rows) return false;
  if (rows.some((r) => r.state === "pending")) return PENDING_REFETCH_MS;
  if (rows.some((r) => r.state === "uncertain")) return UNCERTAIN_REFETCH_MS;
  return false;
}
