/**
 * `npm run dev`: the portal on the embedded defaults. When PLUGCHAT_BASE_URL is unset it
 * also starts the PlugChat emulator and points the portal (API and SDK) at it, so a
 * newcomer gets a working vendor with zero set-up. With PLUGCHAT_BASE_URL set, the real
 * vendor is used and no emulator starts. Likewise with CHAT_PROVIDER=cdp and CDP_BASE_URL
 * unset, the CDP gateway emulator starts on CDP_EMULATOR_PORT (4020).
 * A provider URL set without its token is warned about (the development token would go there).
 * The portal itself runs through scripts/serve.mjs, as `npm start` does, so the client address
 * the rate limits count is found the same way in development.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { devTokenWarning } from "../server/config/dev-token-warning";

const children: ChildProcess[] = [];
const env: NodeJS.ProcessEnv = { ...process.env };

const tokenWarning = devTokenWarning(env);
if (tokenWarning) console.warn(`\n[dev] WARNING: ${tokenWarning}\n`);

function run(command: string, args: string[], childEnv: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { stdio: "inherit", env: childEnv });
  children.push(child);
  child.on("exit", (code) => {
    for (const other of children) if (other !== child) other.kill("SIGTERM");
    process.exit(code ?? 0);
  });
  return child;
}

if (!env.PLUGCHAT_BASE_URL && (env.CHAT_PROVIDER ?? "plugchat") === "plugchat") {
  const port = env.PLUGCHAT_EMULATOR_PORT ?? "4010";
  env.PLUGCHAT_BASE_URL = `http://127.0.0.1:${port}/integrator`;
  env.PLUGCHAT_SDK_URL ??= `http://127.0.0.1:${port}/sdk/index.js`;
  console.log(`[dev] PlugChat emulator on http://127.0.0.1:${port} (set PLUGCHAT_BASE_URL to use the real vendor)`);
  // A few attendances a minute, so the Atendimentos page has a live feed right after the wizard.
  run(process.execPath, ["--import", "tsx", "emulators/plugchat/main.ts"], {
    ...env,
    PLUGCHAT_EMULATOR_PORT: port,
    EMULATOR_ATTENDANCES_PER_MINUTE: env.EMULATOR_ATTENDANCES_PER_MINUTE ?? "3",
  });
}

if (!env.CDP_BASE_URL && env.CHAT_PROVIDER === "cdp") {
  const port = env.CDP_EMULATOR_PORT ?? "4020";
  env.CDP_BASE_URL = `http://127.0.0.1:${port}`;
  console.log(`[dev] CDP emulator on http://127.0.0.1:${port} (set CDP_BASE_URL to use the real gateway)`);
  run(process.execPath, ["--import", "tsx", "emulators/cdp/main.ts"], { ...env, CDP_EMULATOR_PORT: port });
}

run(process.execPath, ["scripts/serve.mjs", "--dev", ...process.argv.slice(2)], env);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}
