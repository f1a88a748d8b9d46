/**
 * A gentle trickle of attendances for `npm run dev`: every 60/N seconds one random attendance is
 * fired (through the control surface) at one account that registered webhook URLs, so a newcomer
 * sees a live feed and non-empty reports right after the wizard.
 */
import type { PlugchatEmulator } from "./server";

export function startAttendanceTrickle(emulator: PlugchatEmulator, perMinute: number): () => void {
  if (!(perMinute > 0)) return () => {};
  let turn = 0;
  const timer = setInterval(
    () => {
      const accounts = emulator.snapshot().accounts.filter((a) => a.active && a.webhooks.onFinishAttendance);
      if (accounts.length === 0) return;
      const account = accounts[turn++ % accounts.length]!;
      void fetch(`${emulator.origin}/__emulator/accounts/${account.id}/attendances/fire`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ count: 1 }),
        signal: AbortSignal.timeout(15_000),
      }).catch(() => {});
    },
    Math.max(1_000, Math.round(60_000 / perMinute)),
  );
  timer.unref();
  return () => clearInterval(timer);
}
