/**
 * One rule for "the same name" (lib/names.ts `nameKey`, SQL `name_key`): case- and
 * accent-insensitive, trimmed, inner spaces collapsed. "joao  conceicao" beside "João Conceição"
 * is refused everywhere a name is chosen — operators.create/update,
 * departments.create/update, the import's preview and start — with NAME_TAKEN on the name field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { appErrorOf } from "@/server/errors";
import type { ChatProvider } from "@/server/providers/types";
import { callerFor, type TestMember } from "../helpers/context";
import { testDbKinds } from "../helpers/db";
import { onboardedOwner, startEmulatedPortal } from "../helpers/emulated";
import { outcomeWithFieldOf } from "../helpers/outcome";
import { csvOf } from "../import/helpers";

const TOKEN = "same-name-token";

describe.each(testDbKinds())("the same name (%s)", (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  let provider: ChatProvider;
  let owner: TestMember;

  const as = () => callerFor({ db, provider, member: owner });

  beforeAll(async () => {
    ({ db, provider, close } = await startEmulatedPortal(kind, TOKEN, { timeoutMs: 3_000 }));
    owner = await onboardedOwner({ db, provider }, "Mesmo Nome");
  }, 120_000);
  afterAll(() => close?.());

  it("operators: create and update refuse a name that differs only in accents, case or spaces", async () => {
    await as().operators.create({ name: "João Conceição", isAdmin: false, departmentIds: [] });
    for (const name of ["joao conceicao", "  JOÃO   conceiçao ", "Joa\u0303o Conceic\u0327a\u0303o"]) {
      expect(await outcomeWithFieldOf(as().operators.create({ name, isAdmin: false, departmentIds: [] })), name).toBe(
        "NAME_TAKEN@name",
      );
    }
    const other = await as().operators.create({ name: "Maria Silva", isAdmin: false, departmentIds: [] });
    expect(
      await outcomeWithFieldOf(as().operators.update({ id: other.id, version: other.version, name: "joao conceicao" })),
    ).toBe("NAME_TAKEN@name");
    expect(
      await outcomeWithFieldOf(as().operators.update({ id: other.id, version: other.version, name: "JOAO CONCEIÇÃO" })),
    ).toBe("NAME_TAKEN@name");
    // Its own name in other letters is not a clash; another free name is accepted.
    const renamed = await as().operators.update({ id: other.id, version: other.version, name: "MARIA SÍLVA" });
    expect(renamed.name).toBe("MARIA SÍLVA");
    expect((await as().operators.update({ id: other.id, version: renamed.version, name: "Maria Souza" })).name).toBe(
      "Maria Souza",
    );
  }, 60_000);

  it("departments: create and update refuse a name that differs only in accents, case or spaces", async () => {
    await as().departments.create({ name: "Atendimento Técnico" });
    expect(await outcomeWithFieldOf(as().departments.create({ name: "atendimento  tecnico" }))).toBe("NAME_TAKEN@name");
    const other = await as().departments.create({ name: "Cobrança" });
    expect(
      await outcomeWithFieldOf(
        as().departments.update({ id: other.id, version: other.version, name: " ATENDIMENTO TÉCNICO" }),
      ),
    ).toBe("NAME_TAKEN@name");
    const renamed = await as().departments.update({ id: other.id, version: other.version, name: "cobranca" });
    expect(renamed.name).toBe("cobranca");
    expect(
      (await as().departments.list()).items
        .filter((d) => d.name !== "Geral")
        .map((d) => d.name)
        .sort(),
    ).toEqual(["Atendimento Técnico", "cobranca"]);
  }, 60_000);

  it("the refusal names the kind and the name in the way (the form says it next to the name field)", async () => {
    await as().operators.create({ name: "Luíza Araújo", isAdmin: false, departmentIds: [] });
    const other = await as().operators.create({ name: "Paulo Reis", isAdmin: false, departmentIds: [] });
    await as().departments.create({ name: "Pós-venda" });
    const dept = await as().departments.create({ name: "Vendas" });
    const refusals = [
      as().operators.create({ name: "LUIZA  araujo", isAdmin: false, departmentIds: [] }),
      as().operators.update({ id: other.id, version: other.version, name: "luiza araujo" }),
      as().departments.create({ name: "pos-venda" }),
      as().departments.update({ id: dept.id, version: dept.version, name: "PÓS-VENDA" }),
    ];
    const infos = await Promise.all(
      refusals.map((call) =>
        call.then(
          () => null,
          (e: unknown) => appErrorOf(e)?.info,
        ),
      ),
    );
    expect(infos).toEqual([
      { code: "NAME_TAKEN", field: "name", params: { kind: "operator", name: "Luíza Araújo" } },
      { code: "NAME_TAKEN", field: "name", params: { kind: "operator", name: "Luíza Araújo" } },
      { code: "NAME_TAKEN", field: "name", params: { kind: "department", name: "Pós-venda" } },
      { code: "NAME_TAKEN", field: "name", params: { kind: "department", name: "Pós-venda" } },
    ]);
  }, 60_000);

  it("the import: preview marks the row, start refuses a file whose only row is taken", async () => {
    await as().operators.create({ name: "Conceição Prado", isAdmin: false, departmentIds: [] });
    const csv = csvOf([{ name: "conceicao   prado" }]);
    const preview = await as().imports.preview({ csv });
    expect(preview.rows.map((r) => r.errors.map((e) => [e.field, e.code]))).toEqual([[["name", "alreadyExists"]]]);
    expect(await outcomeWithFieldOf(as().imports.start({ csv }))).toBe("VALIDATION@csv");
  }, 60_000);
});
