/**
 * The set-up most integration suites share: a test database of `kind` (helpers/db) and the
 * PlugChat emulator over HTTP (never an in-process mock), with a chat provider pointed at it;
 * and an owner whose organization went through the wizard's account step.
 *
 *   beforeAll(async () => ({ handle, emu, provider } = portal = await startEmulatedPortal(kind, TOKEN)));
 *   afterAll(() => portal?.close());
 */
import { startPlugchatEmulator, type PlugchatEmulator } from "@/emulators/plugchat";
import type { Db, DbHandle } from "@/server/db/client";
import { createChatProvider } from "@/server/providers";
import { nodeHttpFetch, type FetchLike } from "@/server/providers/node-http-fetch";
import type { ChatProvider } from "@/server/providers/types";
import { callerFor, createMember, type TestMember } from "./context";
import { createTestDb, type TestDbKind } from "./db";

export interface EmulatedPortal {
  handle: DbHandle;
  db: Db;
  emu: PlugchatEmulator;
  /** A provider pointed at the emulator, with the suite's timeout. */
  provider: ChatProvider;
  /** Another provider pointed at the emulator, through `fetch` (to count or fail its requests). */
  providerWith: (fetch: FetchLike) => ChatProvider;
  /** Closes the emulator, then the database. */
  close: () => Promise<void>;
}

export async function startEmulatedPortal(
  kind: TestDbKind,
  token: string,
  { timeoutMs = 2_000 }: { timeoutMs?: number } = {},
): Promise<EmulatedPortal> {
  const handle = await createTestDb(kind);
  const emu = await startPlugchatEmulator({ port: 0, token });
  return {
    handle,
    db: handle.db,
    emu,
    provider: createChatProvider({ baseUrl: emu.baseUrl, token, timeoutMs }),
    providerWith: (fetch) => createChatProvider({ baseUrl: emu.baseUrl, token, timeoutMs, fetch }),
    close: async () => {
      await emu.close();
      await handle.close();
    },
  };
}

/** An owner (a new organization) whose chat account exists at the provider: onboarding.createAccount went through. */
export async function onboardedOwner(
  { db, provider }: { db: Db; provider: ChatProvider },
  companyName: string,
  member: Parameters<typeof createMember>[1] = {},
): Promise<TestMember> {
  const owner = await createMember(db, { role: "owner", ...member });
  await callerFor({ db, provider, member: owner }).onboarding.createAccount({ companyName, sessionName: companyName });
  return owner;
}

/** A transport that notes each request ("GET /account/:id/…" with the real path) before sending it. */
export function countingFetch(): { requests: string[]; fetch: FetchLike } {
  const requests: string[] = [];
  return {
    requests,
    fetch: (url, init) => {
      requests.push(`${init.method} ${new URL(url).pathname}`);
      return nodeHttpFetch(url, init);
    },
  };
}
