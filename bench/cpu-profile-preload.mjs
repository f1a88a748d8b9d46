/**
 * Loaded with `--import` (NODE_OPTIONS) by bench:profile. In the portal's process only
 * (scripts/serve.mjs), SIGUSR2 starts V8's CPU profiler and the next SIGUSR2 stops it and writes
 * the profile to $CPU_PROFILE_DIR, so the profile covers exactly the bench's measured window.
 */
import { Session } from "node:inspector";
import { writeFileSync } from "node:fs";
import path from "node:path";

if (process.argv[1]?.endsWith("serve.mjs") && process.env.CPU_PROFILE_DIR) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on("SIGUSR2", () => {
    if (!running) {
      running = true;
      session.post("Profiler.enable", () =>
        session.post("Profiler.setSamplingInterval", { interval: 500 }, () => session.post("Profiler.start")),
      );
      return;
    }
    running = false;
    session.post("Profiler.stop", (error, result) => {
      if (error) return console.error(error);
      writeFileSync(
        path.join(process.env.CPU_PROFILE_DIR, `portal-${process.pid}.cpuprofile`),
        JSON.stringify(result.profile),
      );
    });
  });
}
