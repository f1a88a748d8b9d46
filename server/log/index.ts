/**
 * Structured server logging (pino). Secrets never reach the output: known secret
 * keys are censored at any of the first three nesting levels, and `redactDeep`
 * scrubs arbitrary payloads (vendor bodies, webhook payloads) before they are logged.
 */
import pino from "pino";

/** Keys whose values are credentials, wherever they appear. Compared case-insensitively. */
export const SECRET_KEYS = [
  "password",
  "passwordHash",
  "newPassword",
  "currentPassword",
  "token",
  "accessToken",
  "operatorAccessToken",
  "authorization",
  "cookie",
  "secret",
  "apiKey",
  "key",
  "encryptionKey",
  "sessionToken",
  "webhookToken",
] as const;

const lowerSecretKeys = new Set(SECRET_KEYS.map((k) => k.toLowerCase()));

function redactPaths(): string[] {
  const paths: string[] = [];
  for (const key of SECRET_KEYS) {
    paths.push(key, `*.${key}`, `*.*.${key}`);
  }
  return paths;
}

export const REDACTED = "[redacted]";

/** Returns a copy of `value` with every secret-named key replaced, at any depth. */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = lowerSecretKeys.has(k.toLowerCase()) ? REDACTED : redactDeep(v, depth + 1);
  }
  return out;
}

/** Replaces the Bearer credential and secret query parameters of a URL or header value. */
export function redactText(text: string): string {
  return text
    .replace(/(Bearer\s+)[^\s"']+/gi, `$1${REDACTED}`)
    .replace(/([?&](?:token|key|secret)=)[^&\s]+/gi, `$1${REDACTED}`);
}

function level(): string {
  if (process.env.LOG_LEVEL) return process.env.LOG_LEVEL;
  if (process.env.NODE_ENV === "test" || process.env.VITEST) return "silent";
  return "info";
}

/** The portal's logger factory; `stream` is for tests that read what would be printed. */
export function createLogger(stream?: pino.DestinationStream, levelOverride?: string): pino.Logger {
  const options: pino.LoggerOptions = {
    level: levelOverride ?? level(),
    base: { app: "plugchat-portal" },
    redact: { paths: redactPaths(), censor: REDACTED },
  };
  return stream ? pino(options, stream) : pino(options);
}

export const logger = createLogger();

export type Logger = pino.Logger;
