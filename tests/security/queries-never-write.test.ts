/**
 * tRPC queries travel as GET requests, which browsers send cross-site freely: they must
 * have no side effects. Every query of the app router runs against a database and a vendor
 * that record any write; none may happen.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlugchatEmulator, type PlugchatEmulator } from "@/emulators/plugchat";
import type { Db, DbHandle } from "@/server/db/client";
import { createChatProvider } from "@/server/providers";
import type { ChatProvider } from "@/server/providers/types";
import { createTestDb } from "../helpers/db";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { procedureAt, procedurePaths } from "../helpers/procedures";

const TOKEN = "queries-token";
const queries = procedurePaths("query");

const DB_WRITES = new Set(["insert", "update", "delete", "execute", "transaction", "refreshMaterializedView"]);
const VENDOR_WRITE = /^(create|update|delete|set|cancel)/;

function recordingDb(db: Db, writes: string[]): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (typeof prop === "string" && DB_WRITES.has(prop)) writes.push(`db.${prop}`);
      return Reflect.get(target, prop, receiver);
    },
  });
}

function recordingProvider(provider: ChatProvider, writes: string[]): ChatProvider {
  return new Proxy(provider, {
    get(target, prop, receiver) {
      if (typeof prop === "string" && VENDOR_WRITE.test(prop)) writes.push(`vendor.${prop}`);
      return Reflect.get(target, prop, receiver);
    },
  });
}

describe("queries never write", () => {
  let handle: DbHandle;
  let emulator: PlugchatEmulator;
  let provider: ChatProvider;
  let owner: TestMember;

  beforeAll(async () => {
    handle = await createTestDb("pglite");
    emulator = await startPlugchatEmulator({ port: 0, token: TOKEN });
    provider = createChatProvider({ baseUrl: emulator.baseUrl, token: TOKEN, timeoutMs: 2_000 });
    owner = await createMember(handle.db, { role: "owner", name: "Dona Rosa" });
    // An organization that went through the wizard, so queries reach their deepest paths.
    const caller = callerFor({ db: handle.db, provider, member: owner });
    await caller.onboarding.createAccount({ companyName: "Loja da Rosa", sessionName: "Loja da Rosa" });
    const depts = await caller.departments.refresh();
    await caller.operators.create({
      name: "Dona Rosa",
      departmentIds: [depts.items[0]!.id],
      isAdmin: true,
      linkToMe: true,
    });
  });
  afterAll(async () => {
    await emulator.close();
    await handle.close();
  });

  it("there are queries to check", () => {
    expect(queries.length).toBeGreaterThan(5);
  });

  it.each(queries)("%s writes nothing to the database or the vendor", async (path) => {
    const writes: string[] = [];
    const caller = callerFor({
      db: recordingDb(handle.db, writes),
      provider: recordingProvider(provider, writes),
      member: owner,
    });
    for (const input of [undefined, {}, { token: "A".repeat(43) }])
      await procedureAt(caller, path)(input).catch(() => undefined);
    expect(writes).toEqual([]);
  });
});
