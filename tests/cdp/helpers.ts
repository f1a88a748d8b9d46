/** Shared helpers of the CDP tests: an emulator per suite on port 0, clients, control calls. */
import { randomUUID } from "node:crypto";
import { startCdpEmulator } from "@/emulators/cdp";
import type { CdpEmulator, CdpEmulatorOptions, FaultInput } from "@/emulators/cdp";
import { createCdpClient } from "@/server/providers/cdp/client";
import type { CdpClientConfig } from "@/server/providers/cdp/client";
import { createCdpProvider } from "@/server/providers/cdp/provider";
import { ProviderError } from "@/server/providers/errors";
import { expect } from "vitest";
import { createTestDb, type TestDbKind } from "../helpers/db";
import { silentLogger } from "../vendor/helpers";

export { captureLogger, silentLogger } from "../vendor/helpers";

export const CDP_TOKEN = "test-cdp-token-41c2e8";
export const PROJECT = "11111111-2222-4333-8444-555555555555";
export const ITEM = "66666666-7777-4888-9999-aaaaaaaaaaaa";
export const UPSERT = "POST /v1/projects/:projectUuid/livechat/items/:itemUuid/operators";

export function startEmulator(options: Partial<CdpEmulatorOptions> = {}): Promise<CdpEmulator> {
  return startCdpEmulator({
    port: 0,
    token: CDP_TOKEN,
    projects: [{ projectUuid: PROJECT, itemUuid: ITEM }],
    ...options,
  });
}

export function clientFor(emu: CdpEmulator, overrides: Partial<CdpClientConfig> = {}) {
  return createCdpClient({
    baseUrl: emu.baseUrl,
    token: CDP_TOKEN,
    timeoutMs: 2_000,
    logger: silentLogger,
    retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 50 },
    ...overrides,
  });
}

export async function control<T = unknown>(
  emu: CdpEmulator,
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

export async function addFault(emu: CdpEmulator, fault: FaultInput): Promise<void> {
  const r = await control(emu, "POST", "/faults", fault);
  if (r.status !== 200) throw new Error(`fault refused: ${JSON.stringify(r.body)}`);
}

export interface CdpSnapshot {
  spaces: Array<{ projectUuid: string; itemUuid: string }>;
  users: Array<{ uuid: string; email: string; firstName: string | null; lastName: string | null }>;
  operators: Array<{
    userUuid: string;
    email: string | null;
    firstName: string | null;
    lastName: string | null;
    projectUuid: string;
    itemUuid: string;
    roleCode: string;
    permissions: string[];
    onlyAssignedConversations: boolean;
    enabled: boolean;
    access: boolean;
    writes: number;
  }>;
  requestCounts: Record<string, number>;
  faults: unknown[];
}

export async function snapshot(emu: CdpEmulator): Promise<CdpSnapshot> {
  return (await control<CdpSnapshot>(emu, "GET", "/state")).body;
}

/** Raw call to the upsert route (conformance tests). */
export function rawUpsert(
  emu: CdpEmulator,
  init: {
    method?: string;
    body?: string;
    contentType?: string | null;
    auth?: string | null;
    project?: string;
    item?: string;
  } = {},
) {
  const headers: Record<string, string> = {};
  if (init.contentType !== null) headers["Content-Type"] = init.contentType ?? "application/json";
  if (init.auth !== null) headers.Authorization = init.auth ?? `Bearer ${CDP_TOKEN}`;
  const path = `/v1/projects/${init.project ?? PROJECT}/livechat/items/${init.item ?? ITEM}/operators`;
  return fetch(`${emu.baseUrl}${path}`, { method: init.method ?? "POST", headers, body: init.body });
}

/** Awaits a promise expected to fail with a ProviderError. */
export async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const e = await p.then(
    () => new Error("expected a failure"),
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(ProviderError);
  return e as ProviderError;
}

/**
 * The CDP-mode suites' set-up: a test database of `kind` and the CDP emulator, with a provider
 * that does not retry (each provisioning call is one request, so the counts are exact).
 */
export async function startCdpPortal(kind: TestDbKind, overrides: Partial<CdpClientConfig> = {}) {
  const handle = await createTestDb(kind);
  const emu = await startEmulator();
  const provider = createCdpProvider(
    clientFor(emu, { retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 }, ...overrides }),
  );
  return {
    handle,
    emu,
    provider,
    close: async () => {
      await emu.close();
      await handle.close();
    },
  };
}

/** Forgets the previous test's state; a live-chat item of its own (a space belongs to one organization). */
export function freshSpace(emu: CdpEmulator): string {
  emu.reset();
  const item = randomUUID();
  emu.addSpace({ projectUuid: PROJECT, itemUuid: item });
  return item;
}
