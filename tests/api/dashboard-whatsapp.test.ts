/**
 * The dashboard never waits for the chat provider: dashboard.summary shows the last known
 * WhatsApp answer with its time and makes no vendor request; dashboard.refreshWhatsApp asks
 * the vendor at most every WHATSAPP_CHECK_EVERY_MS and stores the answer. Requests are
 * counted at the HTTP transport between the portal and the emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { vendorAccounts } from "@/server/db/schema";
import type { FetchLike } from "@/server/providers/node-http-fetch";
import { WHATSAPP_CHECK_EVERY_MS } from "@/server/provisioning";
import { callerFor, createMember } from "../helpers/context";
import { testDbKinds, type TestDbKind } from "../helpers/db";
import { countingFetch, startEmulatedPortal, type EmulatedPortal } from "../helpers/emulated";

const TOKEN = "dashboard-whatsapp-token";

describe.each(testDbKinds())("dashboard WhatsApp status (%s)", (kind: TestDbKind) => {
  let portal: EmulatedPortal;
  const { requests, fetch: counting } = countingFetch();

  beforeAll(async () => {
    portal = await startEmulatedPortal(kind, TOKEN);
  });
  afterAll(() => portal?.close());

  it("summary makes no vendor request; refresh asks at most every few minutes and stores the answer", async () => {
    const provider = portal.providerWith(counting);
    const owner = await createMember(portal.db);
    const caller = callerFor({ db: portal.db, provider, member: owner });
    await caller.onboarding.createAccount({ companyName: "Empresa Painel", sessionName: "Empresa Painel" });

    requests.length = 0;
    const before = await caller.dashboard.summary();
    await caller.dashboard.summary();
    expect(requests).toEqual([]);
    expect(before.whatsappAvailable).toBeNull();
    expect(before.whatsappCheckedAt).toBeNull();

    const refreshed = await caller.dashboard.refreshWhatsApp();
    expect(requests).toHaveLength(1);
    expect(typeof refreshed.available).toBe("boolean");
    expect(refreshed.checkedAt).toBeInstanceOf(Date);

    // The summary now shows the stored answer and its time, still without asking the vendor.
    const after = await caller.dashboard.summary();
    expect(after.whatsappAvailable).toBe(refreshed.available);
    expect(after.whatsappCheckedAt?.getTime()).toBe(refreshed.checkedAt?.getTime());

    // Fresh: a second refresh (another tab, a reload) does not ask again.
    expect((await caller.dashboard.refreshWhatsApp()).checkedAt?.getTime()).toBe(refreshed.checkedAt?.getTime());
    expect(requests).toHaveLength(1);

    // Older than the interval: it asks again.
    await portal.db
      .update(vendorAccounts)
      .set({ whatsappCheckedAt: new Date(Date.now() - WHATSAPP_CHECK_EVERY_MS - 1_000) })
      .where(eq(vendorAccounts.organizationId, owner.organizationId));
    const again = await caller.dashboard.refreshWhatsApp();
    expect(requests).toHaveLength(2);
    expect(again.checkedAt!.getTime()).toBeGreaterThan(refreshed.checkedAt!.getTime());
    expect(await caller.dashboard.summary()).toMatchObject({ whatsappAvailable: again.available });
    expect(requests).toHaveLength(2);
  });

  it("a vendor failure keeps the last known answer and its time", async () => {
    const failing: FetchLike = () => Promise.reject(new Error("connection refused"));
    const owner = await createMember(portal.db);
    const ok = portal.provider;
    await callerFor({ db: portal.db, provider: ok, member: owner }).onboarding.createAccount({
      companyName: "Empresa Falha",
      sessionName: "Empresa Falha",
    });
    const stale = new Date(Date.now() - WHATSAPP_CHECK_EVERY_MS - 60_000);
    await portal.db
      .update(vendorAccounts)
      .set({ whatsappAvailable: true, whatsappCheckedAt: stale })
      .where(eq(vendorAccounts.organizationId, owner.organizationId));
    const down = portal.providerWith(failing);
    const caller = callerFor({ db: portal.db, provider: down, member: owner });
    expect(await caller.dashboard.refreshWhatsApp()).toEqual({ available: true, checkedAt: stale });
    expect(await caller.dashboard.summary()).toMatchObject({ whatsappAvailable: true, whatsappCheckedAt: stale });
  });
});
