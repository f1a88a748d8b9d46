/** Invitations are e-mailed through SMTP when it is configured, in the inviter's language. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailSink, type MailSink } from "@/emulators/mail/sink";
import type { DbHandle } from "@/server/db/client";
import { callerFor, createMember } from "../helpers/context";
import { createTestDb } from "../helpers/db";

describe("invitation e-mail", () => {
  let handle: DbHandle;
  let sink: MailSink;
  const saved = { SMTP_URL: process.env.SMTP_URL, PUBLIC_URL: process.env.PUBLIC_URL };
  beforeAll(async () => {
    handle = await createTestDb("pglite");
    sink = await startMailSink();
    process.env.SMTP_URL = sink.url;
    process.env.PUBLIC_URL = "https://portal.example.com.br";
  });
  afterAll(async () => {
    process.env.SMTP_URL = saved.SMTP_URL;
    process.env.PUBLIC_URL = saved.PUBLIC_URL;
    await sink.close();
    await handle.close();
  });

  it("sends the same link the admin sees, in Portuguese or in English", async () => {
    const owner = await createMember(handle.db, { role: "owner", name: "Dona Rosa" });
    for (const [locale, email, phrase] of [["pt-BR", "convidada@example.com", "convidou você"], ["en", "guest@example.com", "invited you"]] as const) {
      const since = sink.messages.length;
      const { path } = await callerFor({ db: handle.db, member: owner, locale }).team.invite({ email, role: "member" });
      const mail = await sink.waitFor(email, { since });
      expect(mail.text).toContain(`https://portal.example.com.br${path}`);
      expect(mail.text).toContain(`Dona Rosa ${phrase}`);
    }
  });
});
