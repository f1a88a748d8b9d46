/**
 * A local SMTP server that keeps what the portal e-mails, for tests and e2e: the portal
 * sends through nodemailer exactly as it would to a real mail server (SMTP_URL), and the
 * test reads the message. Loopback only, no TLS, any credentials.
 * With `dir`, each message is also written there as `<n>.json` (the e2e server does this
 * so that browser tests in another process can read the links).
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export interface SunkMail {
  to: string[];
  /** The raw message, headers and body. */
  raw: string;
  /** The body's text with quoted-printable soft breaks and escapes undone (links are whole). */
  text: string;
}

export interface MailSink {
  port: number;
  url: string;
  messages: SunkMail[];
  /** The first message to `address` among those after the first `since`, waiting up to `timeoutMs`. */
  waitFor(address: string, opts?: { since?: number; timeoutMs?: number }): Promise<SunkMail>;
  close(): Promise<void>;
}

/** Undoes quoted-printable (soft line breaks and =XX escapes, UTF-8), enough to read a message. */
export function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const joined = body.replace(/=\r?\n/g, "");
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === "=" ? joined.slice(i + 1, i + 3) : "";
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

export async function startMailSink({ port = 0, dir }: { port?: number; dir?: string } = {}): Promise<MailSink> {
  const messages: SunkMail[] = [];
  if (dir) mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: "sink" }),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const mail = {
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw,
          text: decodeQuotedPrintable(raw),
        };
        messages.push(mail);
        if (dir) {
          // Written whole, then renamed: a reader listing `*.json` never sees half a message.
          const file = path.join(dir, `${messages.length}.json`);
          writeFileSync(`${file}.partial`, JSON.stringify(mail));
          renameSync(`${file}.partial`, file);
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actualPort = (server.server.address() as AddressInfo).port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    messages,
    async waitFor(address, { since = 0, timeoutMs = 5_000 } = {}) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.slice(since).find((m) => m.to.includes(address.toLowerCase()));
        if (found) return found;
        if (Date.now() > until) throw new Error(`no e-mail to ${address} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
