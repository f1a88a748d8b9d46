/** Invitations are e-mailed through SMTP when it is configured, in the inviter's language. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/server/db/client";
import { callerFor, createMember } from "../helpers/context";
import { createTestDb } from "../helpers/db";
import { TEST_PUBLIC_URL, withMailSink } from "../helpers/mail";

describe("invitation e-mail", () => {
  let handle: DbHandle;
  const mailSink = withMailSink();
  beforeAll(async () => {
    handle = await createTestDb("pglite");
  });
  afterAll(async () => {
    await handle.close();
  });

  it("sends the same link the admin sees, in Portuguese or in English", async () => {
    const owner = await createMember(handle.db, { role: "owner", name: "Dona Rosa" });
    for (const [locale, email, phrase] of [
      ["pt-BR", "convidada@example.com", "convidou você"],
      ["en", "guest@example.com", "invited you"],
    ] as const) {
      const since = mailSink().messages.length;
      const { path } = await callerFor({ db: handle.db, member: owner, locale }).invitations.create({
        email,
        role: "member",
      });
      const mail = await mailSink().waitFor(email, { since });
      expect(mail.text).toContain(`${TEST_PUBLIC_URL}${path}`);
      expect(mail.text).toContain(`Dona Rosa ${phrase}`);
    }
  });

  it("without PUBLIC_URL (development), the link starts with the origin the admin's browser used", async () => {
    const owner = await createMember(handle.db, { role: "owner" });
    const saved = process.env.PUBLIC_URL;
    delete process.env.PUBLIC_URL;
    try {
      const since = mailSink().messages.length;
      const { path, link } = await callerFor({
        db: handle.db,
        member: owner,
        requestOrigin: "http://127.0.0.1:3201",
      }).invitations.create({ email: "dev-link@example.com", role: "member" });
      const mail = await mailSink().waitFor("dev-link@example.com", { since });
      expect(link).toBe(`http://127.0.0.1:3201${path}`);
      expect(mail.text).toContain(link);
    } finally {
      process.env.PUBLIC_URL = saved;
    }
  });
});
