/** server/jobs/worker-loop: one run at a time per worker, a kick during a run joins it, failures go to onError. */
import { describe, expect, it } from "vitest";
import { intervalWorker } from "@/server/jobs/worker-loop";

/** A task whose runs stay in flight until `finish()`; `count` says how many started. */
function heldRuns() {
  const held = { count: 0, finish: () => {}, task: () => Promise.resolve() };
  held.task = () =>
    new Promise<void>((resolve) => {
      held.count++;
      held.finish = resolve;
    });
  return held;
}

describe("intervalWorker", () => {
  it("a kick while a run is in flight joins it; the next kick after it runs again", async () => {
    const runs = heldRuns();
    const worker = intervalWorker(runs.task, () => {});
    worker.kick();
    worker.kick();
    worker.kick();
    expect(runs.count).toBe(1);
    runs.finish();
    await new Promise((r) => setTimeout(r, 0));
    worker.kick();
    expect(runs.count).toBe(2);
    runs.finish();
  });

  it("a failing run goes to onError and does not stop the next one", async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const worker = intervalWorker(
      async () => {
        runs++;
        throw new Error(`run ${runs}`);
      },
      (err) => errors.push(err),
    );
    worker.kick();
    await new Promise((r) => setTimeout(r, 0));
    worker.kick();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    expect(errors.map((e) => (e as Error).message)).toEqual(["run 1", "run 2"]);
  });

  it("stop() waits for the run in flight, and no run starts after it", async () => {
    const runs = heldRuns();
    const worker = intervalWorker(runs.task, () => {});
    worker.start(60_000);
    expect(runs.count).toBe(1);
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(stopped).toBe(false);
    runs.finish();
    await stopping;
    expect(stopped).toBe(true);
    worker.kick();
    expect(runs.count).toBe(1);
  });
});
