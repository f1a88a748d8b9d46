/**
 * WhatsApp across the wizard, the WhatsApp page and the dashboard (issue 14 item 2): every new
 * connection code is stored as the latest WhatsApp answer, so the dashboard shows it without
 * asking the vendor; "Já conectei" is kept as a report (when, who), never as a checked fact;
 * members read, admins act. Against the PlugChat emulator over HTTP; requests are counted at
 * the transport between the portal and the emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { testDbKinds, type TestDbKind } from "../helpers/db";
import { countingFetch, onboardedOwner, startEmulatedPortal, type EmulatedPortal } from "../helpers/emulated";
import { trpcCodeOf } from "../helpers/outcome";

const TOKEN = "whatsapp-page-token";

describe.each(testDbKinds())("WhatsApp status, codes and reports (%s)", (kind: TestDbKind) => {
  let portal: EmulatedPortal;
  const { requests, fetch: counting } = countingFetch();
  const provider = () => portal.providerWith(counting);
  const as = (member: TestMember) => callerFor({ db: portal.db, provider: provider(), member });

  /** An owner whose organization has its chat account at the provider. */
  function ownerWithChatAccount(): Promise<TestMember> {
    return onboardedOwner({ db: portal.db, provider: provider() }, "Loja WhatsApp", { name: "Rosa Dona" });
  }

  beforeAll(async () => {
    portal = await startEmulatedPortal(kind, TOKEN);
  });
  afterAll(() => portal?.close());

  it("a new code is stored as the latest answer: status and the dashboard show it without a vendor call", async () => {
    const owner = await ownerWithChatAccount();
    const caller = as(owner);
    requests.length = 0;
    expect(await caller.whatsapp.status()).toMatchObject({
      supported: true,
      accountReady: true,
      available: null,
      checkedAt: null,
      reported: null,
      canConnect: true,
    });
    expect(requests).toEqual([]);

    const first = await caller.whatsapp.newCode();
    expect(first.code?.token).toMatch(/^.{32}$/);
    expect(first.code!.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(first.available).toBe(true);
    expect(requests.filter((r) => r.endsWith("/extension-token"))).toHaveLength(1);

    const second = await caller.whatsapp.newCode();
    expect(second.code!.token).not.toBe(first.code!.token);

    requests.length = 0;
    const summary = await caller.dashboard.summary();
    const status = await caller.whatsapp.status();
    expect(requests).toEqual([]);
    expect(summary.whatsappAvailable).toBe(true);
    expect(summary.whatsappCheckedAt?.getTime()).toBe(second.checkedAt?.getTime());
    expect(status).toMatchObject({ available: true, checkedAt: second.checkedAt });
    // Fresh: the dashboard's refresh does not ask the vendor again.
    await caller.dashboard.refreshWhatsApp();
    expect(requests).toEqual([]);
  });

  it("no WhatsApp instance: no code, and the stored answer says so", async () => {
    const owner = await ownerWithChatAccount();
    const caller = as(owner);
    const account = (await caller.onboarding.get()).account!;
    const res = await fetch(`${portal.emu.origin}/__emulator/accounts/${account.vendorAccountId}/whatsapp`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ connected: false }),
    });
    expect(res.ok).toBe(true);
    expect(await caller.whatsapp.newCode()).toMatchObject({ code: null, available: false });
    expect((await caller.dashboard.summary()).whatsappAvailable).toBe(false);
  });

  it("'Já conectei' is kept as a report with when and who; skipping reports nothing", async () => {
    const owner = await ownerWithChatAccount();
    const admin = await createMember(portal.db, {
      role: "admin",
      organizationId: owner.organizationId,
      name: "Beto Admin",
    });
    const member = await createMember(portal.db, { role: "member", organizationId: owner.organizationId });

    await as(owner).onboarding.completeStep({ step: "whatsapp", skipped: true });
    expect((await as(owner).whatsapp.status()).reported).toBeNull();

    const before = Date.now();
    const byMe = await as(owner).whatsapp.reportConnected();
    expect(byMe).toMatchObject({ byMe: true, name: "Rosa Dona" });
    expect(byMe!.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((await as(owner).dashboard.summary()).whatsappReported).toMatchObject({ byMe: true, name: "Rosa Dona" });
    expect((await as(member).dashboard.summary()).whatsappReported).toMatchObject({ byMe: false, name: "Rosa Dona" });

    // The wizard's "Já conectei, continuar" reports too (the latest report wins).
    await as(admin).onboarding.completeStep({ step: "whatsapp", skipped: false });
    expect((await as(owner).whatsapp.status()).reported).toMatchObject({ byMe: false, name: "Beto Admin" });
    expect((await as(admin).whatsapp.status()).reported).toMatchObject({ byMe: true, name: "Beto Admin" });
  });

  it("members read the status; only admins ask for codes or report", async () => {
    const owner = await ownerWithChatAccount();
    const member = await createMember(portal.db, { role: "member", organizationId: owner.organizationId });
    const asMember = as(member);
    expect(await asMember.whatsapp.status()).toMatchObject({ supported: true, canConnect: false });
    requests.length = 0;
    expect(await trpcCodeOf(asMember.whatsapp.newCode())).toBe("FORBIDDEN");
    expect(await trpcCodeOf(asMember.whatsapp.reportConnected())).toBe("FORBIDDEN");
    expect(requests).toEqual([]);
    expect((await as(owner).whatsapp.status()).reported).toBeNull();
  });

  it("before the chat account exists there is no code to ask for", async () => {
    const owner = await createMember(portal.db, { role: "owner" });
    expect(await as(owner).whatsapp.status()).toMatchObject({ accountReady: false, available: null });
    expect(await trpcCodeOf(as(owner).whatsapp.newCode())).toBe("PRECONDITION_FAILED");
    expect(await trpcCodeOf(as(owner).whatsapp.reportConnected())).toBe("PRECONDITION_FAILED");
  });
});
