/**
 * Key rotation of operator accessTokens (security checklist: "Key rotation re-encrypts in
 * resumable batches; a database dump holds 0 plaintext tokens"), on every test database.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operatorAad } from "@/server/crypto/aad";
import { rotateOperatorTokens } from "@/server/crypto/rotate-operator-tokens";
import { decryptSecret, encryptSecret, keyIdOf, parseKeyRing } from "@/server/crypto/tokens";
import { operators, organizations } from "@/server/db/schema";
import { createTestDb, testDbKinds, type TestDbKind } from "../helpers/db";

const key = () => randomBytes(32).toString("base64");
const OLD = `old:${key()}`;
const NEW = `new:${key()}`;
const oldRing = parseKeyRing(OLD);
const rotatedRing = parseKeyRing(`${NEW},${OLD}`);

describe.each(testDbKinds())("operator token key rotation (%s)", (kind: TestDbKind) => {
  let handle: Awaited<ReturnType<typeof createTestDb>>;
  const plaintexts = new Map<string, string>();

  beforeAll(async () => {
    handle = await createTestDb(kind);
    const [org] = await handle.db.insert(organizations).values({ name: "Rotação Ltda" }).returning();
    for (let i = 0; i < 23; i++) {
      const [row] = await handle.db
        .insert(operators)
        .values({ organizationId: org!.id, name: `Operador ${i}`, state: "synced", vendorId: `v${i}` })
        .returning();
      const token = `eyJ.token-${i}-${randomBytes(8).toString("hex")}`;
      plaintexts.set(row!.id, token);
      await handle.db
        .update(operators)
        .set({ accessTokenCiphertext: encryptSecret(oldRing, token, operatorAad(row!.id)) })
        .where(sql`${operators.id} = ${row!.id}`);
    }
    // An operator without a token, and one whose key was dropped too early.
    await handle.db.insert(operators).values({ organizationId: org!.id, name: "Sem token" });
    const [lost] = await handle.db
      .insert(operators)
      .values({ organizationId: org!.id, name: "Chave perdida" })
      .returning();
    const lostRing = parseKeyRing(`gone:${key()}`);
    await handle.db
      .update(operators)
      .set({ accessTokenCiphertext: encryptSecret(lostRing, "t", operatorAad(lost!.id)) })
      .where(sql`${operators.id} = ${lost!.id}`);
  });
  afterAll(async () => handle?.close());

  const keyIds = async () => {
    const rows = await handle.db.select({ id: operators.id, c: operators.accessTokenCiphertext }).from(operators);
    return rows.filter((r) => r.c).map((r) => ({ id: r.id, kid: keyIdOf(r.c!), c: r.c! }));
  };

  it("re-encrypts in batches, resumes after an interruption, and every token still decrypts", async () => {
    // Interrupted after two batches of 5: 10 rows examined, each moved to the new key unless it
    // is the one whose key is gone (it may or may not fall in the first ten).
    const first = await rotateOperatorTokens(handle.db, rotatedRing, { batchSize: 5, maxBatches: 2 });
    expect(first.batches).toBe(2);
    expect(first.rotated + first.undecryptable).toBe(10);
    expect((await keyIds()).filter((r) => r.kid === "new")).toHaveLength(first.rotated);

    // The rerun picks up only what is left.
    const second = await rotateOperatorTokens(handle.db, rotatedRing, { batchSize: 5 });
    expect(first.rotated + second.rotated).toBe(23);
    expect(second.undecryptable).toBe(1);

    const after = await keyIds();
    expect(after.filter((r) => r.kid === "old")).toHaveLength(0);
    expect(after.filter((r) => r.kid === "new")).toHaveLength(23);
    // The new-key-only ring (old key removed) decrypts every rotated token to its original value.
    const newOnly = parseKeyRing(NEW);
    for (const r of after.filter((x) => x.kid === "new"))
      expect(decryptSecret(newOnly, r.c, operatorAad(r.id))).toBe(plaintexts.get(r.id));

    // A third run has nothing to do.
    expect(await rotateOperatorTokens(handle.db, rotatedRing)).toMatchObject({ rotated: 0, undecryptable: 1 });
  });

  it("a dump of the operators table holds no plaintext token", async () => {
    const dump = JSON.stringify(await handle.db.execute(sql`select * from operators`));
    for (const token of plaintexts.values()) expect(dump).not.toContain(token);
    expect(dump).toContain("v1.new.");
  });
});
