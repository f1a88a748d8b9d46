/**
 * tRPC queries travel as GET requests, which browsers send cross-site freely: they must
 * have no side effects. Every query of the app router runs against a database and a vendor
 * that record any write; none may happen.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import type { ChatProvider } from "@/server/providers/types";
import { onboardedOwner, startEmulatedPortal, type EmulatedPortal } from "../helpers/emulated";
import { callerFor, type TestMember } from "../helpers/context";
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
  let portal: EmulatedPortal;
  let owner: TestMember;

  beforeAll(async () => {
    portal = await startEmulatedPortal("pglite", TOKEN);
    // An organization that went through the wizard, so queries reach their deepest paths.
    owner = await onboardedOwner({ db: portal.db, provider: portal.provider }, "Loja da Rosa", { name: "Dona Rosa" });
    const caller = callerFor({ db: portal.db, provider: portal.provider, member: owner });
    const depts = await caller.departments.refresh();
    await caller.operators.create({
      name: "Dona Rosa",
      departmentIds: [depts.items[0]!.id],
      isAdmin: true,
      linkToMe: true,
    });
  });
  afterAll(() => portal?.close());

  it("there are queries to check", () => {
    expect(queries.length).toBeGreaterThan(5);
  });

  it.each(queries)("%s writes nothing to the database or the vendor", async (path) => {
    const writes: string[] = [];
    const caller = callerFor({
      db: recordingDb(portal.db, writes),
      provider: recordingProvider(portal.provider, writes),
      member: owner,
    });
    for (const input of [undefined, {}, { token: "A".repeat(43) }])
      await procedureAt(caller, path)(input).catch(() => undefined);
    expect(writes).toEqual([]);
  });
});
