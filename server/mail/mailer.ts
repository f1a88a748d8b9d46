/**
 * The portal's e-mail: invitations and password resets (sent at once, best effort) and the
 * outbox's messages (./outbox.ts: retried until delivered). With SMTP_URL set, nodemailer
 * sends them; without it, development writes them to the server log (the link can be
 * copied from there) and production says in the log that nothing was sent.
 */
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env, isProduction } from "@/server/config/env";
import type { Logger } from "@/server/log";

export interface PortalEmail {
  /** Log event name, e.g. "invitation_email". */
  event: string;
  to: string;
  subject: string;
  text: string;
  /** The one link the message carries (written to the development log; else the whole text is). */
  link?: string;
}

/** Why an e-mail did not leave: the mail server refused or was unreachable, or none is configured. */
export class MailDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MailDeliveryError";
  }
}

const transports = new Map<string, Transporter>();
function smtpTransport(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    // Bounded waits: a slow mail server must not hold a request for minutes.
    transport = nodemailer.createTransport(url, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    transports.set(url, transport);
  }
  return transport;
}

/**
 * Sends (or, in development without SMTP_URL, logs) one e-mail; throws MailDeliveryError when
 * it did not leave (mail server down, or production without SMTP_URL), so that the outbox
 * (./outbox.ts) can try again later.
 */
export async function deliverPortalEmail(log: Logger, email: PortalEmail): Promise<"sent" | "logged"> {
  // Read at send time (not only at start), like PUBLIC_URL: tests point it at a local sink.
  const smtpUrl = process.env.SMTP_URL || env.SMTP_URL;
  if (smtpUrl) {
    try {
      await smtpTransport(smtpUrl).sendMail({
        from: process.env.MAIL_FROM || env.MAIL_FROM,
        to: email.to,
        subject: email.subject,
        text: email.text,
      });
    } catch (error) {
      throw new MailDeliveryError(error instanceof Error ? error.message : "mail server refused the message", {
        cause: error,
      });
    }
    log.info({ event: email.event, to: email.to }, "e-mail sent");
    return "sent";
  }
  if (isProduction) throw new MailDeliveryError("SMTP_URL is not set: e-mail not sent");
  log.info(
    {
      event: email.event,
      to: email.to,
      subject: email.subject,
      ...(email.link ? { link: email.link } : { body: email.text }),
    },
    "e-mail (development: written to the log instead of sent)",
  );
  return "logged";
}

/** Sends (or, in development, logs) one e-mail. Never throws: a mail failure is logged, not shown. */
export async function sendPortalEmail(
  log: Logger,
  email: PortalEmail,
): Promise<"sent" | "logged" | "skipped" | "failed"> {
  try {
    return await deliverPortalEmail(log, email);
  } catch (error) {
    if (!(process.env.SMTP_URL || env.SMTP_URL)) {
      log.warn({ event: `${email.event}_skipped`, to: email.to }, "SMTP_URL is not set: e-mail not sent");
      return "skipped";
    }
    log.error({ event: `${email.event}_failed`, to: email.to, err: error }, "e-mail could not be sent");
    return "failed";
  }
}
