/**
 * The background workers' loop: a task run now and then every `intervalMs`, one run at a time
 * per process — a kick while a run is in flight joins that run. Timers are unref'd: they never
 * keep the process alive.
 */

export interface IntervalWorker {
  /** Runs the task now, unless a run is already in flight (or the worker was stopped). */
  kick(): void;
  /** Runs the task now and then every `intervalMs`. */
  start(intervalMs: number): void;
  /** No more runs; resolves once the run in flight (if any) has ended. */
  stop(): Promise<void>;
}

/** `task` as an interval worker; its failures go to `onError` (a worker never throws). */
export function intervalWorker(task: () => Promise<void>, onError: (err: unknown) => void): IntervalWorker {
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  let stopped = false;
  const kick = () => {
    if (stopped) return;
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
      stopped = false;
      clearInterval(timer);
      timer = setInterval(kick, intervalMs);
      timer.unref();
      kick();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
