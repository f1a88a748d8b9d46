/** What the bench scripts share: percentiles and the PlugChat emulator in a child process. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { E2E_SECRETS } from "../e2e/secrets";

/** Server modules import `server-only`; the benches re-run themselves under this condition. */
export const REACT_SERVER_CONDITION = "--conditions=react-server";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The p-th percentile of an ascending array (NaN when empty). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** The emulator in its own process (so its CPU is not the bench's), resolved once it says where it listens. */
export async function startEmulatorChild(options: {
  port: number;
  stateFile: string;
  token: string;
  timeoutMs?: number;
}): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(
    process.execPath,
    [...process.execArgv.filter((a) => a !== REACT_SERVER_CONDITION), path.join(root, "emulators/plugchat/main.ts")],
    {
      env: {
        ...process.env,
        PLUGCHAT_EMULATOR_PORT: String(options.port),
        PLUGCHAT_EMULATOR_STATE: options.stateFile,
        PLUGCHAT_TOKEN: options.token,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const timeoutMs = options.timeoutMs ?? 30_000;
  const origin = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`emulator did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const m = /PLUGCHAT_EMULATOR_READY (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  child.stdout?.resume();
  return { child, origin };
}

/**
 * `npm start`'s environment for a cold start on /sign-in: production, test-only secrets, its own
 * embedded data folder, and a vendor address nothing answers (nothing is asked of it at start).
 */
export function coldStartEnv(origin: string, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: dataDir,
    PUBLIC_URL: origin,
    NEXTAUTH_URL: origin,
    NEXTAUTH_SECRET: E2E_SECRETS.NEXTAUTH_SECRET,
    ENCRYPTION_KEYS: `e2e1:${E2E_SECRETS.ENCRYPTION_KEY}`,
    PLUGCHAT_TOKEN: E2E_SECRETS.PLUGCHAT_TOKEN,
    PLUGCHAT_BASE_URL: "http://127.0.0.1:9/integrator",
    LOG_LEVEL: "error",
  };
  delete env.DATABASE_URL;
  return env;
}
