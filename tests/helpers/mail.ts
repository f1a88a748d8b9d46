/**
 * For suites that read what the portal e-mails: a loopback SMTP sink for the whole file,
 * with SMTP_URL (and PUBLIC_URL, for the links) pointed at it and restored afterwards.
 */
import { afterAll, beforeAll } from "vitest";
import { startMailSink, type MailSink } from "@/emulators/mail/sink";

export const TEST_PUBLIC_URL = "https://portal.example.com.br";

export function withMailSink(): () => MailSink {
  let sink: MailSink | undefined;
  const saved = { SMTP_URL: process.env.SMTP_URL, PUBLIC_URL: process.env.PUBLIC_URL };
  beforeAll(async () => {
    sink = await startMailSink();
    process.env.SMTP_URL = sink.url;
    process.env.PUBLIC_URL = TEST_PUBLIC_URL;
  });
  afterAll(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await sink?.close();
  });
  return () => {
    if (!sink) throw new Error("the mail sink starts in beforeAll");
    return sink;
  };
}
