/**
 * Per-request timing spans for profiling (`npm run bench:load` reads them): with
 * SERVER_TIMING=1 in the server's environment, each tRPC response carries a Server-Timing
 * header (session-decode, session-row, context, org-scope, procedure, total, in ms).
 * Off by default: the header would tell anyone how long our checks take.
 */
export class Timings {
  private readonly spans: Array<[string, number]> = [];

  add(name: string, ms: number): void {
    this.spans.push([name, ms]);
  }

  header(): string {
    return this.spans.map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`).join(", ");
  }
}

/** A span recorder for this request, or null when SERVER_TIMING is not 1. */
export function requestTimings(): Timings | null {
  return process.env.SERVER_TIMING === "1" ? new Timings() : null;
}
