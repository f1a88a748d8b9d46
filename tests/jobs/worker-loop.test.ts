/** server/jobs/worker-loop: one run at a time per worker, a kick during a run joins it, failures go to onError. */
import { describe, expect, it } from "vitest";
import { intervalWorker } from "@/server/jobs/worker-loop";

describe("intervalWorker", () => {
  it("a kick while a run is in flight joins it; the next kick after it runs again", async () => {
    let runs = 0;
    let finish = () => {};
    const worker = intervalWorker(
      () =>
        new Promise<void>((resolve) => {
          runs++;
          finish = resolve;
        }),
      () => {},
    );
    worker.kick();
    worker.kick();
    worker.kick();
    expect(runs).toBe(1);
    finish();
    await new Promise((r) => setTimeout(r, 0));
    worker.kick();
    expect(runs).toBe(2);
    finish();
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
    let runs = 0;
    let finish = () => {};
    const worker = intervalWorker(
      () =>
        new Promise<void>((resolve) => {
          runs++;
          finish = resolve;
        }),
      () => {},
    );
    worker.start(60_000);
    expect(runs).toBe(1);
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
    worker.kick();
    expect(runs).toBe(1);
  });
});
