/**
 * Two portal instances on one Postgres, for a suite: a fresh test database, the PlugChat
 * emulator, two separate connection pools with a provider each, and an owner whose
 * organization already has its vendor account. The fields are filled in by beforeAll.
 */
import { afterAll, beforeAll } from "vitest";
import { startPlugchatEmulator, type PlugchatEmulator } from "@/emulators/plugchat";
import { openDb, type DbHandle } from "@/server/db/client";
import { createChatProvider } from "@/server/providers";
import type { ChatProvider } from "@/server/providers/types";
import { callerFor, createMember, type TestMember } from "./context";
import { createTestDb } from "./db";

export interface TwoInstances {
  emu: PlugchatEmulator;
  instanceA: DbHandle;
  instanceB: DbHandle;
  providerA: ChatProvider;
  providerB: ChatProvider;
  owner: TestMember;
}

export function withTwoInstances(options: {
  token: string;
  poolSize: number;
  timeoutMs: number;
  companyName: string;
  /** Wraps each instance's provider (e.g. to count its calls). */
  wrapProvider?: (provider: ChatProvider, instance: "a" | "b") => ChatProvider;
}): TwoInstances {
  const two = {} as TwoInstances;
  let handle: Awaited<ReturnType<typeof createTestDb>> | undefined;
  beforeAll(async () => {
    handle = await createTestDb("postgres");
    two.emu = await startPlugchatEmulator({ port: 0, token: options.token });
    two.instanceA = await openDb({ kind: "postgres", url: handle.url!, poolSize: options.poolSize });
    two.instanceB = await openDb({ kind: "postgres", url: handle.url!, poolSize: options.poolSize });
    const provider = (instance: "a" | "b") => {
      const p = createChatProvider({ baseUrl: two.emu.baseUrl, token: options.token, timeoutMs: options.timeoutMs });
      return options.wrapProvider ? options.wrapProvider(p, instance) : p;
    };
    two.providerA = provider("a");
    two.providerB = provider("b");
    two.owner = await createMember(two.instanceA.db, { role: "owner" });
    await callerFor({ db: two.instanceA.db, provider: two.providerA, member: two.owner }).onboarding.createAccount({
      companyName: options.companyName,
      sessionName: options.companyName,
    });
  }, 120_000);
  afterAll(async () => {
    await two.instanceA?.close();
    await two.instanceB?.close();
    await two.emu?.close();
    await handle?.close();
  });
  return two;
}
