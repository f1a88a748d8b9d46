/**
 * An inactive department routes no chats, so it is never newly given to an operator
 * (issue 14 item 4): operators.create and operators.update refuse one with DEPARTMENT_INACTIVE on
 * the departments field, naming it — nothing reaches the chat service — while an operator already
 * in it keeps it through an edit. The forms do not offer it (lib/operators/department-choices.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlugchatEmulator } from "@/emulators/plugchat";
import type { Db } from "@/server/db/client";
import { appErrorOf } from "@/server/errors";
import type { ChatProvider } from "@/server/providers/types";
import { callerFor, type TestMember } from "../helpers/context";
import { testDbKinds } from "../helpers/db";
import { onboardedOwner, startEmulatedPortal } from "../helpers/emulated";

const TOKEN = "inactive-departments-token";

describe.each(testDbKinds())("inactive departments and operators (%s)", (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  let emu: PlugchatEmulator;
  let provider: ChatProvider;
  let owner: TestMember;
  const as = () => callerFor({ db, provider, member: owner });
  const refusal = (call: Promise<unknown>) =>
    call.then(
      () => null,
      (e: unknown) => appErrorOf(e)?.info ?? e,
    );
  const operatorCreates = () => emu.requestCount("POST /account/:id/operators");

  beforeAll(async () => {
    ({ db, emu, provider, close } = await startEmulatedPortal(kind, TOKEN, { timeoutMs: 3_000 }));
    owner = await onboardedOwner({ db, provider }, "Inativos");
  }, 120_000);
  afterAll(() => close?.());

  it("create and update refuse an inactive department; an operator already in one keeps it", async () => {
    const suporte = await as().departments.create({ name: "Suporte" });
    const entregas = await as().departments.create({ name: "Entregas" });
    const ana = await as().operators.create({
      name: "Ana Lima",
      isAdmin: false,
      departmentIds: [suporte.id, entregas.id],
    });
    await as().departments.update({ id: entregas.id, version: entregas.version, active: false });
    const refused = { code: "DEPARTMENT_INACTIVE", field: "departmentIds", params: { name: "Entregas" } };

    const createsBefore = operatorCreates();
    expect(
      await refusal(
        as().operators.create({ name: "Bia Reis", isAdmin: false, departmentIds: [suporte.id, entregas.id] }),
      ),
    ).toEqual(refused);
    expect(operatorCreates()).toBe(createsBefore);
    expect((await as().operators.list()).items.map((o) => o.name)).toEqual(["Ana Lima"]);

    const bia = await as().operators.create({ name: "Bia Reis", isAdmin: false, departmentIds: [suporte.id] });
    expect(
      await refusal(
        as().operators.update({ id: bia.id, version: bia.version, departmentIds: [suporte.id, entregas.id] }),
      ),
    ).toEqual(refused);

    // Ana is already in Entregas: an edit that keeps it (or drops it) goes through.
    const renamed = await as().operators.update({
      id: ana.id,
      version: ana.version,
      name: "Ana Lima Souza",
      departmentIds: [suporte.id, entregas.id],
    });
    expect(renamed.departmentIds.sort()).toEqual([suporte.id, entregas.id].sort());
    const dropped = await as().operators.update({ id: ana.id, version: renamed.version, departmentIds: [suporte.id] });
    expect(dropped.departmentIds).toEqual([suporte.id]);
    // Dropped, it is a new assignment again.
    expect(
      await refusal(
        as().operators.update({ id: ana.id, version: dropped.version, departmentIds: [suporte.id, entregas.id] }),
      ),
    ).toEqual(refused);
  }, 60_000);
});
