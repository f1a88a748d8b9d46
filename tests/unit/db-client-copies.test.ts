/**
 * Next bundles server/db/client.ts more than once (instrumentation, route handlers, pages), and
 * the first copy to ask opens the process's database. Every other copy must read it through a
 * drizzle of its own around the same connection: drizzle maps each column of each row with
 * `instanceof` checks against its own classes. Here a second copy of the module is a fresh import
 * after vi.resetModules(). What the copies share on purpose (the platform settings' cache) is keyed
 * by the connection, which every copy has in common.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/server/db/client";
import { createStaff, saveProductName } from "../console/helpers";

const globalForDb = globalThis as unknown as { __portalDb?: Promise<DbHandle> };

describe("getDb in another bundle's copy of the module", () => {
  let opened: DbHandle;

  beforeAll(async () => {
    const first = await import("@/server/db/client");
    opened = await first.openDb({ kind: "pglite" });
    globalForDb.__portalDb = Promise.resolve(opened);
  });

  afterAll(async () => {
    globalForDb.__portalDb = undefined;
    await opened.close();
  });

  it("the copy that opened the database gets its handle as it is", async () => {
    const { getDb } = await import("@/server/db/client");
    expect(await getDb()).toBe(opened);
  });

  it("another copy wraps its own drizzle around the same connection, once, and reads through it", async () => {
    vi.resetModules();
    const second = await import("@/server/db/client");
    const { users } = await import("@/server/db/schema");
    const handle = await second.getDb();
    expect(handle.client).toBe(opened.client);
    expect(handle.db).not.toBe(opened.db);
    expect(await second.getDb()).toBe(handle);

    const [inserted] = await handle.db
      .insert(users)
      .values({ email: "copy@example.com", name: "Copy", passwordHash: "x" })
      .returning({ id: users.id });
    const [row] = await handle.db.select().from(users).where(eq(users.id, inserted!.id));
    expect(row?.email).toBe("copy@example.com");
    expect(row?.createdAt).toBeInstanceOf(Date);
  });

  it("a console save through one copy reaches the platform settings every copy reads (one cache per connection)", async () => {
    vi.resetModules();
    const first = await import("@/server/platform/settings");
    expect((await first.getPlatformSettings(opened.db)).productName).toBeNull();

    vi.resetModules();
    const { getDb } = await import("@/server/db/client");
    const second = await import("@/server/platform/settings");
    const { db } = await getDb();
    expect(db).not.toBe(opened.db);
    const staff = await createStaff(db);
    await saveProductName(second.savePlatformSettings, db, staff, "Outra Marca");
    expect((await first.getPlatformSettings(opened.db)).productName).toBe("Outra Marca");
  });
});
