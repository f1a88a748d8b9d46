/**
 * Secrets the portal needs at run time. In production each comes from the environment
 * and a missing one stops start-up with one line naming it. In development the ones
 * that are missing are generated once and kept in `${DATA_DIR}/secrets.json`, so a
 * newcomer needs no `.env` and sessions survive restarts.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEV_CDP_TOKEN, DEV_PLUGCHAT_TOKEN, env, isProduction } from "./env";

export interface Secrets {
  nextAuthSecret: string;
  encryptionKeys: string;
  plugchatToken: string;
  /** CDP gateway token; the dev default outside production, "" when production lacks it. */
  cdpToken: string;
}

interface DevSecretsFile {
  NEXTAUTH_SECRET: string;
  ENCRYPTION_KEYS: string;
}

/** Variables production refuses to start without, per configuration. */
export function requiredProductionVariables(e: Record<string, string | undefined> = process.env): string[] {
  const required = ["NEXTAUTH_SECRET", "ENCRYPTION_KEYS", "PUBLIC_URL"];
  const provider = e.CHAT_PROVIDER || "plugchat";
  if (provider === "plugchat") required.push("PLUGCHAT_BASE_URL", "PLUGCHAT_TOKEN");
  if (provider === "cdp") required.push("CDP_BASE_URL", "CDP_TOKEN");
  return required.filter((name) => !e[name]);
}

/** Called at server start: in production, exits with one clear line when a secret is missing. */
export function assertProductionConfig(): void {
  if (!isProduction) return;
  const missing = requiredProductionVariables();
  if (missing.length > 0) {
    console.error(`Configuração ausente / missing configuration: set ${missing.join(", ")} (see .env.example)`);
    process.exit(1);
  }
}

function loadDevSecrets(): DevSecretsFile {
  const file = path.resolve(env.DATA_DIR, "secrets.json");
  try {
    return JSON.parse(readFileSync(file, "utf8")) as DevSecretsFile;
  } catch {
    const generated: DevSecretsFile = {
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      ENCRYPTION_KEYS: `dev1:${randomBytes(32).toString("base64")}`,
    };
    mkdirSync(path.dirname(file), { recursive: true });
    // "wx": when two processes race, the second keeps the first one's secrets.
    try {
      writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600, flag: "wx" });
      return generated;
    } catch {
      return JSON.parse(readFileSync(file, "utf8")) as DevSecretsFile;
    }
  }
}

let cached: Secrets | undefined;

export function getSecrets(): Secrets {
  if (cached) return cached;
  const dev = isProduction ? undefined : loadDevSecrets();
  const pick = (name: keyof DevSecretsFile, value: string | undefined): string => {
    const v = value ?? dev?.[name];
    if (!v) throw new Error(`Missing configuration: ${name}`);
    return v;
  };
  cached = {
    nextAuthSecret: pick("NEXTAUTH_SECRET", env.NEXTAUTH_SECRET),
    encryptionKeys: pick("ENCRYPTION_KEYS", env.ENCRYPTION_KEYS),
    plugchatToken: env.PLUGCHAT_TOKEN ?? (isProduction ? "" : DEV_PLUGCHAT_TOKEN),
    cdpToken: env.CDP_TOKEN ?? (isProduction ? "" : DEV_CDP_TOKEN),
  };
  return cached;
}
