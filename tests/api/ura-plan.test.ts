/**
 * Atendimento automático (URA) and Plano e assinatura against the PlugChat emulator over HTTP:
 * the URA is saved at the vendor and read back from the portal's record (the vendor has no GET),
 * and the emulator holds what it was given; seats are changed and the subscription cancelled,
 * each kept as the portal's record and in the history from the audit log; a price that changed
 * since the page loaded, fewer than 2 seats and a vendor refusal are refused in words; members
 * read and cannot change anything (FORBIDDEN).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlugchatEmulator, type PlugchatEmulator } from "@/emulators/plugchat";
import { DEFAULT_URA } from "@/lib/ura/messages";
import { createChatProvider } from "@/server/providers";
import { nodeHttpFetch, type FetchLike } from "@/server/providers/node-http-fetch";
import { TRPCError } from "@trpc/server";
import { AppError } from "@/server/errors";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { createTestDb, testDbKinds, type TestDbKind } from "../helpers/db";
import { appCodeOf, outcomeWithFieldOf, trpcCodeOf } from "../helpers/outcome";

const TOKEN = "ura-plan-token";

interface EmuAccountView {
  id: string;
  ura: Record<string, unknown> | null;
  subscription: { id: string; quantity: number; status: string } | null;
}

describe.each(testDbKinds())("URA and plan (%s)", (kind: TestDbKind) => {
  let handle: Awaited<ReturnType<typeof createTestDb>>;
  let emu: PlugchatEmulator;
  const requests: string[] = [];
  const counting: FetchLike = (url, init) => {
    requests.push(`${init.method} ${new URL(url).pathname.replace(/^.*\/account\/[^/]+/, "/account/:id")}`);
    return nodeHttpFetch(url, init);
  };
  const provider = () => createChatProvider({ baseUrl: emu.baseUrl, token: TOKEN, timeoutMs: 3000, fetch: counting });
  const as = (member: TestMember) => callerFor({ db: handle.db, provider: provider(), member });

  /** An owner whose organization has its chat account at the provider, and that account's vendor id. */
  async function ownerWithChatAccount(name = "Rosa Dona"): Promise<{ owner: TestMember; accountId: string }> {
    const owner = await createMember(handle.db, { role: "owner", name });
    await as(owner).onboarding.createAccount({ companyName: "Padaria Pão Quente", sessionName: "Padaria" });
    const accountId = (await as(owner).onboarding.get()).account!.vendorAccountId!;
    return { owner, accountId };
  }

  async function emulatorAccount(accountId: string): Promise<EmuAccountView> {
    const res = await fetch(`${emu.origin}/__emulator/accounts/${accountId}`);
    expect(res.status).toBe(200);
    return (await res.json()) as EmuAccountView;
  }

  async function addFault(fault: Record<string, unknown>) {
    const res = await fetch(`${emu.origin}/__emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(fault),
    });
    expect(res.ok).toBe(true);
  }

  beforeAll(async () => {
    handle = await createTestDb(kind);
    emu = await startPlugchatEmulator({ port: 0, token: TOKEN });
  }, 120_000);
  afterAll(async () => {
    await emu?.close();
    await handle?.close();
  });

  describe("Atendimento automático", () => {
    it("starts from the suggested text; saved, it reaches the vendor and is read back from the portal", async () => {
      const { owner, accountId } = await ownerWithChatAccount();
      const caller = as(owner);
      await caller.departments.refresh();
      const suporte = await caller.departments.create({ name: "Suporte" });
      const entregas = await caller.departments.create({ name: "Entregas" });
      await caller.departments.update({ id: entregas.id, version: entregas.version, active: false });

      const fresh = await caller.ura.get();
      expect(fresh).toMatchObject({ supported: true, accountReady: true, saved: null, canEdit: true });
      expect(fresh.settings).toEqual(DEFAULT_URA);
      expect(fresh.settings.welcomeMessage).toContain("{senderName}");
      // Only the active departments: "Geral" (the vendor's default) and Suporte, never the inactive Entregas.
      expect(fresh.departments.map((d) => [d.name, d.isDefault])).toEqual([
        ["Geral", true],
        ["Suporte", false],
      ]);
      expect(fresh.departments.find((d) => d.name === "Suporte")?.id).toBe(suporte.id);

      const settings = {
        active: true,
        ignoreGeral: true,
        ignoreGroups: false,
        welcomeMessage: "Oi, {senderName}!\nBem-vindo à Padaria Pão Quente.",
        departmentMessage: "Com quem você quer falar?",
      };
      requests.length = 0;
      const saved = await caller.ura.update(settings);
      expect(requests).toEqual(["POST /account/:id/ura"]);
      expect((await emulatorAccount(accountId)).ura).toEqual(settings);

      requests.length = 0;
      const back = await caller.ura.get();
      expect(requests).toEqual([]);
      expect(back.settings).toEqual(settings);
      expect(back.saved).toEqual({ at: saved.savedAt, byName: "Rosa Dona" });

      const entries = await caller.audit.list({ action: "ura.update" });
      expect(entries.items).toHaveLength(1);
      expect(entries.items[0]).toMatchObject({ result: "success", actorName: "Rosa Dona" });
      const changes = entries.items[0]!.details!.changes as Record<string, { from: unknown; to: unknown }>;
      expect(changes.active).toEqual({ from: null, to: true });
      expect(changes.welcomeMessage).toEqual({ from: null, to: settings.welcomeMessage });

      // A second save records only what changed.
      await caller.ura.update({ ...settings, ignoreGroups: true });
      const [latest] = (await caller.audit.list({ action: "ura.update" })).items;
      expect(latest!.details!.changes).toEqual({ ignoreGroups: { from: false, to: true } });
      expect((await emulatorAccount(accountId)).ura).toMatchObject({ ignoreGroups: true });
    });

    it("messages are refused in words: blank, over 1000 characters, another variable — nothing is sent", async () => {
      const { owner } = await ownerWithChatAccount();
      const base = { ...DEFAULT_URA, active: true };
      requests.length = 0;
      const fieldErrorsOf = async (input: typeof base) => {
        try {
          await as(owner).ura.update(input);
        } catch (error) {
          expect(error).toBeInstanceOf(TRPCError);
          return (
            error as TRPCError & { cause: { issues?: Array<{ path: string[]; message: string }> } }
          ).cause.issues!.map((i) => `${i.path.join(".")}: ${i.message}`);
        }
        throw new Error("expected a refusal");
      };
      expect(await fieldErrorsOf({ ...base, welcomeMessage: "   " })).toEqual(["welcomeMessage: validation.required"]);
      expect(await fieldErrorsOf({ ...base, departmentMessage: "x".repeat(1001) })).toEqual([
        "departmentMessage: validation.tooLong?max=1000",
      ]);
      expect(await fieldErrorsOf({ ...base, welcomeMessage: "Olá, {nome}!" })).toEqual([
        "welcomeMessage: ura.validation.unknownVariable",
      ]);
      expect(requests).toEqual([]);
      expect((await as(owner).ura.get()).saved).toBeNull();
    });

    it("a vendor failure keeps nothing and is audited as a failure", async () => {
      const { owner, accountId } = await ownerWithChatAccount();
      await addFault({ method: "POST", path: "/ura$", kind: "status", status: 503, times: 1 });
      expect(await appCodeOf(as(owner).ura.update({ ...DEFAULT_URA }))).toBe("VENDOR_UNAVAILABLE");
      expect((await as(owner).ura.get()).saved).toBeNull();
      expect((await emulatorAccount(accountId)).ura).toBeNull();
      const [entry] = (await as(owner).audit.list({ action: "ura.update" })).items;
      expect(entry).toMatchObject({ result: "failure" });
    });

    it("members read the URA; only admins change it (FORBIDDEN, nothing sent)", async () => {
      const { owner, accountId } = await ownerWithChatAccount();
      await as(owner).ura.update({ ...DEFAULT_URA, active: true });
      const member = await createMember(handle.db, { role: "member", organizationId: owner.organizationId });
      const admin = await createMember(handle.db, { role: "admin", organizationId: owner.organizationId });
      const read = await as(member).ura.get();
      expect(read).toMatchObject({ canEdit: false, settings: { active: true } });
      requests.length = 0;
      expect(await trpcCodeOf(as(member).ura.update({ ...DEFAULT_URA, active: false }))).toBe("FORBIDDEN");
      expect(requests).toEqual([]);
      expect((await emulatorAccount(accountId)).ura).toMatchObject({ active: true });
      expect(await trpcCodeOf(as(admin).ura.update({ ...DEFAULT_URA, active: false }))).toBe("OK");
      expect((await emulatorAccount(accountId)).ura).toMatchObject({ active: false });
    });

    it("before the chat account exists there is nothing to save", async () => {
      const owner = await createMember(handle.db, { role: "owner" });
      expect(await as(owner).ura.get()).toMatchObject({ accountReady: false, saved: null, departments: [] });
      expect(await appCodeOf(as(owner).ura.update({ ...DEFAULT_URA }))).toBe("ACCOUNT_MISSING");
    });
  });

  describe("Plano e assinatura", () => {
    it("trial days from the account's creation; no subscription yet; price agreed when not configured", async () => {
      const { owner } = await ownerWithChatAccount();
      const plan = await as(owner).plan.get();
      expect(plan).toMatchObject({
        supported: true,
        accountReady: true,
        trial: { daysLeft: 7 },
        subscription: null,
        pricePerSeatCents: null,
        canEdit: true,
      });
      const endsIn = plan.trial!.endsAt.getTime() - Date.now();
      expect(endsIn).toBeGreaterThan(7 * 24 * 3600_000 - 60_000);
      expect(endsIn).toBeLessThanOrEqual(7 * 24 * 3600_000);
      expect((await as(owner).plan.history()).items).toEqual([]);
    });

    it("subscribed, seats changed, cancelled with a reason: vendor, portal record and history agree", async () => {
      const { owner, accountId } = await ownerWithChatAccount("Maria Souza");
      const admin = await createMember(handle.db, {
        role: "admin",
        organizationId: owner.organizationId,
        name: "Beto Admin",
      });

      await as(owner).plan.subscribe({ seats: 3, pricePerSeatCents: null });
      expect((await emulatorAccount(accountId)).subscription).toMatchObject({ quantity: 3, status: "active" });
      const subscribed = (await as(owner).plan.get()).subscription!;
      expect(subscribed).toMatchObject({ status: "active", seats: 3, cancelledAt: null });

      requests.length = 0;
      await as(admin).plan.subscribe({ seats: 5, pricePerSeatCents: null });
      expect(requests).toEqual(["POST /account/:id/subscription"]);
      expect((await emulatorAccount(accountId)).subscription).toMatchObject({ quantity: 5, status: "active" });
      const changed = (await as(owner).plan.get()).subscription!;
      expect(changed).toMatchObject({ status: "active", seats: 5 });
      // Still the same subscription: it started when it was first subscribed.
      expect(changed.subscribedAt.getTime()).toBe(subscribed.subscribedAt.getTime());

      requests.length = 0;
      const cancelled = await as(owner).plan.cancel({ reason: "price", note: "  Ficou caro para nós.  " });
      expect(requests).toEqual(["POST /account/:id/cancel-subscription"]);
      expect(cancelled).toMatchObject({
        status: "cancelled",
        seats: 5,
        cancelReason: "price",
        cancelNote: "Ficou caro para nós.",
      });
      expect(cancelled.cancelledAt).toBeInstanceOf(Date);
      expect((await emulatorAccount(accountId)).subscription).toMatchObject({ quantity: 5, status: "canceled" });
      expect((await as(owner).plan.get()).subscription).toMatchObject({ status: "cancelled" });

      const history = (await as(owner).plan.history()).items;
      expect(history.map((h) => [h.kind, h.previousSeats, h.seats, h.actorName, h.cancelReason])).toEqual([
        ["cancelled", null, 5, "Maria Souza", "price"],
        ["changed", 3, 5, "Beto Admin", null],
        ["subscribed", null, 3, "Maria Souza", null],
      ]);
      expect(history[0]!.cancelNote).toBe("Ficou caro para nós.");

      // Nothing left to cancel; subscribing again starts a new subscription.
      expect(await appCodeOf(as(owner).plan.cancel({ reason: "other" }))).toBe("NO_SUBSCRIPTION");
      await as(owner).plan.subscribe({ seats: 2, pricePerSeatCents: null });
      const again = (await as(owner).plan.get()).subscription!;
      expect(again).toMatchObject({ status: "active", seats: 2, cancelledAt: null, cancelReason: null });
      expect(again.subscribedAt.getTime()).toBeGreaterThan(subscribed.subscribedAt.getTime());
      expect((await as(owner).plan.history()).items[0]).toMatchObject({ kind: "subscribed", seats: 2 });
    });

    it("fewer than 2 seats is refused next to the field, before any vendor call", async () => {
      const { owner } = await ownerWithChatAccount();
      requests.length = 0;
      try {
        await as(owner).plan.subscribe({ seats: 1, pricePerSeatCents: null });
        throw new Error("expected a refusal");
      } catch (error) {
        expect(error).toBeInstanceOf(TRPCError);
        const issues = (error as { cause: { issues: Array<{ path: string[]; message: string }> } }).cause.issues;
        expect(issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
          "seats: onboarding.validation.seatsMin",
        ]);
      }
      expect(requests).toEqual([]);
      expect((await as(owner).plan.get()).subscription).toBeNull();
    });

    it("a price that changed since the page loaded is refused with the new price; nothing is sent", async () => {
      const { owner, accountId } = await ownerWithChatAccount();
      requests.length = 0;
      try {
        await as(owner).plan.subscribe({ seats: 3, pricePerSeatCents: 4990 });
        throw new Error("expected a refusal");
      } catch (error) {
        expect(error).toBeInstanceOf(TRPCError);
        const app = (error as TRPCError).cause;
        expect(app).toBeInstanceOf(AppError);
        // 0: the price is now agreed with the provider (none configured in tests).
        expect((app as AppError).info).toMatchObject({ code: "PRICE_CHANGED", params: { pricePerSeatCents: 0 } });
        expect((error as TRPCError).code).toBe("CONFLICT");
      }
      expect(requests).toEqual([]);
      expect((await emulatorAccount(accountId)).subscription).toBeNull();
    });

    it("what the vendor refuses lands on the seats field and changes nothing", async () => {
      const { owner } = await ownerWithChatAccount();
      await as(owner).plan.subscribe({ seats: 3, pricePerSeatCents: null });
      await addFault({ method: "POST", path: "/subscription$", kind: "status", status: 400, times: 1 });
      expect(await outcomeWithFieldOf(as(owner).plan.subscribe({ seats: 4, pricePerSeatCents: null }))).toBe(
        "VENDOR_REJECTED@seats",
      );
      expect((await as(owner).plan.get()).subscription).toMatchObject({ seats: 3, status: "active" });
      const entries = await as(owner).audit.list({ action: "subscription.change" });
      expect(entries.items.map((e) => e.result)).toEqual(["failure"]);
      // The history shows only what the vendor accepted.
      expect((await as(owner).plan.history()).items.map((h) => h.kind)).toEqual(["subscribed"]);
    });

    it("a cancellation the vendor fails keeps the subscription active", async () => {
      const { owner } = await ownerWithChatAccount();
      await as(owner).plan.subscribe({ seats: 2, pricePerSeatCents: null });
      await addFault({ method: "POST", path: "/cancel-subscription$", kind: "status", status: 503, times: 1 });
      expect(await appCodeOf(as(owner).plan.cancel({ reason: "notUsing" }))).toBe("VENDOR_UNAVAILABLE");
      expect((await as(owner).plan.get()).subscription).toMatchObject({ status: "active", cancelledAt: null });
    });

    it("members read the plan and its history; subscribe and cancel are FORBIDDEN and send nothing", async () => {
      const { owner, accountId } = await ownerWithChatAccount();
      await as(owner).plan.subscribe({ seats: 3, pricePerSeatCents: null });
      const member = await createMember(handle.db, { role: "member", organizationId: owner.organizationId });
      expect(await as(member).plan.get()).toMatchObject({ canEdit: false, subscription: { seats: 3 } });
      expect((await as(member).plan.history()).items).toHaveLength(1);
      requests.length = 0;
      expect(await trpcCodeOf(as(member).plan.subscribe({ seats: 9, pricePerSeatCents: null }))).toBe("FORBIDDEN");
      expect(await trpcCodeOf(as(member).plan.cancel({ reason: "price" }))).toBe("FORBIDDEN");
      expect(requests).toEqual([]);
      expect((await emulatorAccount(accountId)).subscription).toMatchObject({ quantity: 3, status: "active" });
    });

    it("the cancel reason is required and the note limited to 500 characters", async () => {
      const { owner } = await ownerWithChatAccount();
      await as(owner).plan.subscribe({ seats: 2, pricePerSeatCents: null });
      expect(await trpcCodeOf(as(owner).plan.cancel({ reason: "" as "price" }))).toBe("BAD_REQUEST");
      expect(await trpcCodeOf(as(owner).plan.cancel({ reason: "other", note: "x".repeat(501) }))).toBe("BAD_REQUEST");
      expect((await as(owner).plan.get()).subscription).toMatchObject({ status: "active" });
    });
  });
});
