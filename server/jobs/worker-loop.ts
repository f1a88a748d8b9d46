/**
 * The background workers' loop: a task run now and then every `intervalMs`, one run at a time
 * per process — a kick while a run is in flight joins that run. Timers are unref'd: they never
 * keep the process alive.
 */

export interface IntervalWorker {
  /** Runs the task now, unless a run is already in flight. */
  kick(): void;
  /** Runs the task now and then every `intervalMs`. */
  start(intervalMs: number): void;
}

/** `task` as an interval worker; its failures go to `onError` (a worker never throws). */
export function intervalWorker(task: () => Promise<void>, onError: (err: unknown) => void): IntervalWorker {
  let running: Promise<void> | null = null;
  const kick = () => {
    running ??= (async () => {
      try {
        await task();
      } catch (err) {
        onError(err);
      } finally {
        running = null;
      }
    })();
  };
  return {
    kick,
    start(intervalMs) {
      setInterval(kick, intervalMs).unref();
      kick();
    },
  };
}
