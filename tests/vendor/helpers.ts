/** Shared helpers of the vendor-layer tests: an emulator per suite, clients, control calls. */
import { Writable } from "node:stream";
import pino from "pino";
import { startPlugchatEmulator } from "@/emulators/plugchat";
import type { FaultInput, PlugchatEmulator } from "@/emulators/plugchat";
import { createPlugchatClient } from "@/server/providers/plugchat/client";
import type { PlugchatClientConfig } from "@/server/providers/plugchat/client";

export const TOKEN = "test-integrator-token-7f3a9c";

export function startEmulator(): Promise<PlugchatEmulator> {
  return startPlugchatEmulator({ port: 0, token: TOKEN });
}

/** A logger that keeps every line it writes (for redaction assertions). */
export function captureLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  return { logger: pino({ level: "trace" }, stream), lines };
}

export const silentLogger = pino({ level: "silent" });

export function clientFor(emu: PlugchatEmulator, overrides: Partial<PlugchatClientConfig> = {}) {
  return createPlugchatClient({
    baseUrl: emu.baseUrl,
    token: TOKEN,
    timeoutMs: 2_000,
    logger: silentLogger,
    retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 50 },
    ...overrides,
  });
}

export async function control<T = unknown>(
  emu: PlugchatEmulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${emu.origin}/__emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export async function addFault(emu: PlugchatEmulator, fault: FaultInput): Promise<void> {
  const r = await control(emu, "POST", "/faults", fault);
  if (r.status !== 200) throw new Error(`fault refused: ${JSON.stringify(r.body)}`);
}

export interface StateSnapshot {
  accounts: Array<{
    id: string;
    externalId: string;
    trialEndsAt: number;
    trialExpired: boolean;
    whatsappInstance: boolean;
    ura: unknown;
    subscription: unknown;
  }>;
  departments: Array<{ id: string; accountId: string; name: string }>;
  operators: Array<{ id: string; accountId: string; name: string; active: boolean; departments: string[] }>;
  attendances: unknown[];
  requestCounts: Record<string, number>;
}

export async function snapshot(emu: PlugchatEmulator): Promise<StateSnapshot> {
  return (await control<StateSnapshot>(emu, "GET", "/state")).body;
}

/** Raw vendor call (conformance tests). */
export function raw(
  emu: PlugchatEmulator,
  method: string,
  path: string,
  init: { body?: string; headers?: Record<string, string>; auth?: string | null } = {},
) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.auth !== null) headers.Authorization = `Bearer ${init.auth ?? TOKEN}`;
  return fetch(`${emu.baseUrl}${path}`, { method, headers, body: init.body });
}

export async function newAccount(emu: PlugchatEmulator, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await raw(emu, "POST", "/account", {
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      externalId: `org-${Math.random().toString(36).slice(2)}`,
      name: "Cliente",
      active: true,
      ...extra,
    }),
  });
  const body = (await res.json()) as { accountId: string };
  return body.accountId;
}
