/**
 * Issue 11.2 — a NUL character in a free-text input used to reach the database, which
 * refuses it ("invalid byte sequence for encoding UTF8: 0x00") and the caller got a 500.
 * Every such input now answers BAD_REQUEST with the field named in `data.fieldErrors` and
 * the message key of the text rule, on PGlite and (with TEST_DATABASE_URL) Postgres.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlugchatEmulator, type PlugchatEmulator } from "@/emulators/plugchat";
import { TEXT_INVALID_MESSAGE } from "@/lib/validation/text";
import { createChatProvider } from "@/server/providers";
import type { ChatProvider } from "@/server/providers/types";
import { browserShape } from "../helpers/browser-shape";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { createTestDb, testDbKinds, type TestDbKind } from "../helpers/db";
import { procedureAt } from "../helpers/procedures";

const TOKEN = "text-inputs-token";
const HOSTILE = "x\u0000y";

/** The call must fail as the browser would see it: BAD_REQUEST, the field named, the text rule's message. */
async function expectFieldRefusal(promise: Promise<unknown>, path: string, field: string): Promise<void> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `${path} accepted a NUL in ${field}`).toBeInstanceOf(TRPCError);
  const error = caught as TRPCError;
  expect(error.code, `${path}.${field}: ${error.message}`).toBe("BAD_REQUEST");
  const shape = browserShape(error, path);
  expect(shape.data.fieldErrors?.[field], `${path}: fieldErrors ${JSON.stringify(shape.data.fieldErrors)}`).toContain(
    TEXT_INVALID_MESSAGE,
  );
}

describe.each(testDbKinds())("a NUL in a text input is a field error, never a 500 (%s)", (kind: TestDbKind) => {
  let handle: Awaited<ReturnType<typeof createTestDb>>;
  let emu: PlugchatEmulator;
  let provider: ChatProvider;
  let owner: TestMember;
  let departmentId: string;

  beforeAll(async () => {
    handle = await createTestDb(kind);
    emu = await startPlugchatEmulator({ port: 0, token: TOKEN });
    provider = createChatProvider({ baseUrl: emu.baseUrl, token: TOKEN, timeoutMs: 3_000 });
    owner = await createMember(handle.db, { role: "owner" });
    const caller = callerFor({ db: handle.db, provider, member: owner });
    await caller.onboarding.createAccount({ companyName: "Loja Texto", sessionName: "Loja Texto" });
    const dept = await caller.departments.create({ name: "Vendas" });
    departmentId = dept.id;
  }, 120_000);
  afterAll(async () => {
    await emu?.close();
    await handle?.close();
  });

  const ownerCall = (path: string, input: unknown) =>
    procedureAt(callerFor({ db: handle.db, provider, member: owner }), path)(input);

  it.each(["name", "companyName", "email", "password"])(
    "auth.signUp (anonymous) refuses a NUL in %s",
    async (field) => {
      const input: Record<string, string> = {
        name: "Ana Souza",
        email: `ana-${field}@example.com`,
        password: "uma senha bem longa 123",
        companyName: "Loja da Ana",
      };
      input[field] =
        field === "email" ? `ana\u0000@example.com` : field === "password" ? `uma senha\u0000 bem longa` : HOSTILE;
      const anonymous = callerFor({ db: handle.db, member: null });
      await expectFieldRefusal(anonymous.auth.signUp(input as never), "auth.signUp", field);
    },
  );

  it.each(["companyName", "sessionName"])("onboarding.createAccount refuses a NUL in %s", async (field) => {
    // A fresh organization: the account of the shared one already exists.
    const fresh = await createMember(handle.db, { role: "owner" });
    const input = { companyName: "Loja Nova", sessionName: "Loja Nova", [field]: `Loja ${HOSTILE}` };
    await expectFieldRefusal(
      callerFor({ db: handle.db, provider, member: fresh }).onboarding.createAccount(input),
      "onboarding.createAccount",
      field,
    );
  });

  it("departments.create refuses a NUL in name", async () => {
    await expectFieldRefusal(
      ownerCall("departments.create", { name: `Suporte ${HOSTILE}` }),
      "departments.create",
      "name",
    );
  });

  it("departments.update refuses a NUL in name", async () => {
    await expectFieldRefusal(
      ownerCall("departments.update", { id: departmentId, version: 1, name: `Suporte ${HOSTILE}` }),
      "departments.update",
      "name",
    );
  });

  it("operators.create refuses a NUL in name", async () => {
    await expectFieldRefusal(
      ownerCall("operators.create", { name: `Maria ${HOSTILE}`, departmentIds: [departmentId], isAdmin: false }),
      "operators.create",
      "name",
    );
  });

  it.each(["operators.options", "operators.page"])("%s refuses a NUL in the search", async (path) => {
    await expectFieldRefusal(ownerCall(path, { search: HOSTILE }), path, "search");
  });

  it("imports.start refuses a NUL in the file name", async () => {
    const csv = "nome;departamentos;admin;login\r\nJoana Prado;Vendas;não;\r\n";
    await expectFieldRefusal(
      ownerCall("imports.start", { csv, fileName: `planilha${HOSTILE}.csv` }),
      "imports.start",
      "fileName",
    );
  });

  it("the import file: a cell with a NUL, a control character or half an emoji is a row error, never a database error", async () => {
    const imports = callerFor({ db: handle.db, provider, member: owner }).imports;
    const bad = ["Ana\u0000Lima", "Bia\u0007Reis", "Caio\u007fDias", "Duda \ud83d", "Enzo \ude00"];
    const csv = [
      "nome;departamentos;admin;login",
      "Fábio Nunes 😀;Vendas;não;",
      ...bad.map((n) => `${n};Vendas;não;`),
    ].join("\r\n");
    const preview = await imports.preview({ csv });
    expect(preview.fileErrors).toEqual([]);
    expect(preview.rows.map((r) => r.errors.map((e) => `${e.field}:${e.code}`))).toEqual([
      [],
      ...bad.map(() => ["name:badCharacters"]),
    ]);
    // The refused value is quoted back without the invisible characters.
    expect(preview.rows[1]!.errors[0]!.value).toBe("Ana Lima");
    const onlyBad = ["nome;departamentos;admin;login", ...bad.map((n) => `${n};Vendas;não;`)].join("\r\n");
    let refused: unknown;
    await imports.start({ csv: onlyBad }).catch((error: unknown) => (refused = error));
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("BAD_REQUEST");
    const { jobId } = await imports.start({ csv, fileName: "equipe.csv" });
    expect((await imports.get({ jobId })).total).toBe(1);
  });
});
