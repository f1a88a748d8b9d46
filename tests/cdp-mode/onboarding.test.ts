/**
 * The portal on the CDP backend, through the same tRPC procedures as PlugChat mode: the
 * capability-driven wizard (company = project + live-chat item, no departments/plan/WhatsApp),
 * e-mail operators, provider fieldErrors in `data.fieldErrors`, and an uncertain upsert
 * resolved by repeating it (exactly one operator at the emulator).
 */
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CdpEmulator } from "@/emulators/cdp";
import type { DbHandle } from "@/server/db/client";
import { createChatProvider } from "@/server/providers";
import type { ChatProvider } from "@/server/providers/types";
import { CDP_TOKEN, PROJECT, freshSpace, startCdpPortal } from "../cdp/helpers";
import { browserShape } from "../helpers/browser-shape";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { testDbKinds } from "../helpers/db";

interface EmuState {
  operators: Array<{
    email: string | null;
    access: boolean;
    roleCode: string;
    onlyAssignedConversations: boolean;
    writes: number;
    projectUuid: string;
    itemUuid: string;
  }>;
}

async function emuState(emu: CdpEmulator): Promise<EmuState> {
  return (await (await fetch(`${emu.origin}/__emulator/state`)).json()) as EmuState;
}

describe.each(testDbKinds())("CDP mode (%s)", (kind) => {
  let portal: Awaited<ReturnType<typeof startCdpPortal>>;
  let handle: DbHandle;
  let emu: CdpEmulator;
  let provider: ChatProvider;
  let owner: TestMember;
  /** A live-chat item of its own per test: a space belongs to one organization. */
  let ITEM: string;

  beforeAll(async () => {
    ({ handle, emu, provider } = portal = await startCdpPortal(kind));
  });
  afterAll(() => portal?.close());
  beforeEach(async () => {
    ITEM = freshSpace(emu);
    owner = await createMember(handle.db, { role: "owner", name: "Ana Maria Souza" });
  });

  const as = (m: TestMember) => callerFor({ db: handle.db, provider, member: m });

  it("exposes capabilities without secrets, and the wizard's steps skip departments, plan and WhatsApp", async () => {
    const caller = as(owner);
    const info = await caller.provider.capabilities();
    expect(info.name).toBe("cdp");
    expect(info.capabilities).toMatchObject({
      accounts: false,
      departments: false,
      subscription: false,
      whatsappCode: false,
      operatorEmail: true,
      operatorRoles: true,
      operatorUpsert: true,
      chatSdk: false,
      attendanceWebhooks: false,
    });
    // CDP_ROLE_CODES unset: the default codes, the form's choices.
    expect(info.roleCodes).toEqual(["ADMIN", "SUPERVISOR", "AGENT"]);
    expect(JSON.stringify(info)).not.toContain(CDP_TOKEN);
    const state = await caller.onboarding.get();
    expect(state.steps).toEqual(["company", "operators", "done"]);
    expect(state.provider.capabilities.operatorEmail).toBe(true);
  });

  it("onboarding: connects the project + item (checked), adds e-mail operators, deactivates one, completes", async () => {
    const caller = as(owner);
    // createAccount does not apply to a backend without accounts.
    await expect(
      caller.onboarding.createAccount({ companyName: "Padaria", sessionName: "Padaria" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    // An unknown space is refused by the provider and leaves no account.
    await expect(
      caller.onboarding.connectSpace({
        companyName: "Padaria",
        projectUuid: PROJECT,
        itemUuid: "00000000-0000-4000-8000-000000000000",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await caller.onboarding.get()).account).toBeNull();

    const account = await caller.onboarding.connectSpace({
      companyName: "Padaria Pão Quente",
      projectUuid: PROJECT,
      itemUuid: ITEM,
    });
    expect(account).toMatchObject({
      state: "synced",
      vendorAccountId: `${PROJECT}/${ITEM}`,
      name: "Padaria Pão Quente",
    });
    expect((await caller.onboarding.get()).wizard.currentStep).toBe("operators");
    // Idempotent: connecting the same space again returns it.
    expect(
      (
        await caller.onboarding.connectSpace({
          companyName: "Padaria Pão Quente",
          projectUuid: PROJECT,
          itemUuid: ITEM,
        })
      ).state,
    ).toBe("synced");
    // Another space once connected → CONFLICT.
    const other = randomUUID();
    emu.addSpace({ projectUuid: PROJECT, itemUuid: other });
    await expect(
      caller.onboarding.connectSpace({ companyName: "Outra", projectUuid: PROJECT, itemUuid: other }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // A space already connected to another organization → SPACE_TAKEN on the item field.
    const stranger = await createMember(handle.db, { role: "owner" });
    await expect(
      as(stranger).onboarding.connectSpace({ companyName: "Outra", projectUuid: PROJECT, itemUuid: ITEM }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { info: { code: "SPACE_TAKEN", field: "itemUuid" } },
    });

    // The PlugChat-shaped form is refused on an e-mail backend.
    await expect(
      caller.operators.create({ name: "João Lima", departmentIds: [], isAdmin: false }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const ana = await caller.operators.create({
      email: "ana@example.com",
      firstName: "Ana",
      lastName: "Souza",
      roleCode: "ADMIN",
      onlyAssignedConversations: false,
      active: true,
      linkToMe: true,
    });
    const joao = await caller.operators.create({
      email: "joao@example.com",
      firstName: "João",
      lastName: "Lima",
      roleCode: "SUPERVISOR",
      onlyAssignedConversations: true,
      active: true,
    });
    expect(ana).toMatchObject({
      state: "synced",
      name: "Ana Souza",
      isAdmin: true,
      roleCode: "ADMIN",
      email: "ana@example.com",
    });
    expect(joao).toMatchObject({
      state: "synced",
      roleCode: "SUPERVISOR",
      onlyAssignedConversations: true,
      isAdmin: false,
    });
    // Same e-mail twice in the organization → refused locally, on the e-mail field.
    await expect(
      caller.operators.create({
        email: "JOAO@example.com",
        firstName: "Outro",
        lastName: "Nome",
        roleCode: "AGENT",
        onlyAssignedConversations: false,
        active: true,
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { info: { code: "OPERATOR_EMAIL_TAKEN", field: "email" } },
    });

    const off = await caller.operators.update({ id: joao.id, version: joao.version, active: false });
    expect(off.active).toBe(false);
    const remote = (await emuState(emu)).operators;
    expect(remote).toHaveLength(2);
    expect(remote.find((o) => o.email === "joao@example.com")).toMatchObject({
      access: false,
      roleCode: "SUPERVISOR",
      onlyAssignedConversations: true,
    });
    expect(remote.find((o) => o.email === "ana@example.com")).toMatchObject({ access: true, roleCode: "ADMIN" });

    // Skipped steps are not completable; operators → done finishes the wizard.
    await expect(caller.onboarding.completeStep({ step: "departments" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const done = await caller.onboarding.completeStep({ step: "operators" });
    expect(done.currentStep).toBe("done");
    expect(done.completedAt).not.toBeNull();

    const summary = await caller.dashboard.summary();
    expect(summary).toMatchObject({
      onboardingCompleted: true,
      operators: { active: 1, inactive: 1 },
      whatsappAvailable: null,
    });
    // No connection codes here: the WhatsApp page explains instead, and asking for one is refused.
    expect(await caller.whatsapp.status()).toMatchObject({ supported: false, available: null, reported: null });
    await expect(caller.whatsapp.newCode()).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(caller.whatsapp.reportConnected()).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    // No URA and no subscription sold through the portal: both pages explain, and changing them is refused.
    expect(await caller.ura.get()).toMatchObject({ supported: false, saved: null });
    expect(await caller.plan.get()).toMatchObject({ supported: false, subscription: null });
    const ura = {
      active: true,
      ignoreGeral: false,
      ignoreGroups: true,
      welcomeMessage: "Oi",
      departmentMessage: "Escolha",
    };
    await expect(caller.ura.update(ura)).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "NOT_SUPPORTED",
    });
    await expect(caller.plan.subscribe({ seats: 2, pricePerSeatCents: null })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "NOT_SUPPORTED",
    });
    await expect(caller.plan.cancel({ reason: "price" })).rejects.toMatchObject({ message: "NOT_SUPPORTED" });
  });

  it("provider fieldErrors reach data.fieldErrors, keyed by the form's field names", async () => {
    const caller = as(owner);
    await caller.onboarding.connectSpace({ companyName: "Padaria", projectUuid: PROJECT, itemUuid: ITEM });
    const a = await caller.operators.create({
      email: "a@example.com",
      firstName: "Ana",
      lastName: "A",
      roleCode: "AGENT",
      onlyAssignedConversations: false,
      active: true,
    });
    const b = await caller.operators.create({
      email: "b@example.com",
      firstName: "Bia",
      lastName: "B",
      roleCode: "AGENT",
      onlyAssignedConversations: false,
      active: true,
    });
    void a;
    // b's e-mail changed to a's: the gateway refuses (the e-mail belongs to another platform user).
    const error = await caller.operators.update({ id: b.id, version: b.version, email: "a@example.com" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    const err = error as TRPCError;
    expect(err.code).toBe("UNPROCESSABLE_CONTENT");
    const shape = browserShape(err, "operators.update");
    expect(shape.data.appError).toMatchObject({ code: "VENDOR_REJECTED", field: "email" });
    expect(shape.data.appError.fieldErrors).toBeUndefined();
    expect(shape.data.fieldErrors).toEqual({ email: ["e-mail already belongs to another user"] });
    // Nothing changed locally.
    const list = await caller.operators.list();
    expect(list.items.find((o) => o.id === b.id)?.email).toBe("b@example.com");
  });

  it("an uncertain upsert (commit_then_fail) is resolved by repeating it: exactly one operator at the emulator", async () => {
    const caller = as(owner);
    await caller.onboarding.connectSpace({ companyName: "Padaria", projectUuid: PROJECT, itemUuid: ITEM });
    const before = (await emuState(emu)).operators.length;
    // Three applied-then-failed answers: the create and its immediate repeat fail → uncertain.
    emu.addFault({ method: "POST", path: "/operators$", kind: "commit_then_fail", status: 500, times: 3 });
    const input = {
      email: "carla@example.com",
      firstName: "Carla",
      lastName: "Dias",
      roleCode: "AGENT" as const,
      onlyAssignedConversations: false,
      active: true,
    };
    await expect(caller.operators.create(input)).rejects.toMatchObject({ code: "BAD_GATEWAY" });
    const uncertain = (await caller.operators.list()).items.find((o) => o.email === "carla@example.com");
    expect(uncertain?.state).toBe("uncertain");
    // Submitting again repeats the upsert (no list call exists on this backend) and settles it.
    const settled = await caller.operators.create(input);
    expect(settled).toMatchObject({ id: uncertain!.id, state: "synced" });
    const remote = (await emuState(emu)).operators.filter((o) => o.email === "carla@example.com");
    expect(remote).toHaveLength(1);
    expect(remote[0]!.writes).toBeGreaterThanOrEqual(4);
    expect((await emuState(emu)).operators.length).toBe(before + 1);
    expect((await caller.operators.list()).items.filter((o) => o.email === "carla@example.com")).toHaveLength(1);
  });

  it("the process-wide selection (CHAT_PROVIDER=cdp config) keeps the space helpers through the circuit breaker", async () => {
    const { withCircuitBreaker } = await import("@/server/providers/circuit-breaker");
    const wrapped = withCircuitBreaker(
      createChatProvider({
        provider: "cdp",
        baseUrl: emu.baseUrl,
        token: CDP_TOKEN,
        timeoutMs: 2_000,
        defaultSpace: { projectUuid: PROJECT, itemUuid: ITEM },
      }),
    );
    const caller = callerFor({ db: handle.db, provider: wrapped, member: owner });
    expect((await caller.provider.capabilities()).defaultSpace).toEqual({ projectUuid: PROJECT, itemUuid: ITEM });
    expect(
      (await caller.onboarding.connectSpace({ companyName: "Padaria", projectUuid: PROJECT, itemUuid: ITEM })).state,
    ).toBe("synced");
  });
});
