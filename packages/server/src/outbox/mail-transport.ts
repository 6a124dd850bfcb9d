import nodemailer from 'nodemailer';
import type { SmtpSettings } from '../config/config.ts';

/** One message as it leaves: plain text, to one recipient. */
export interface OutgoingMail {
  /** The outbox message's id: its Message-ID, so that a receiver can tell a resend of the same message. */
  id: string;
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  /** Resolves once the server accepted the message; throws a MailRefusal otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * Why a message was not sent, in words safe to keep: the SMTP reply code and text, or the connection's error code,
 * with any email address taken out (a server may echo the recipient, and a patient's address is their identity).
 * `permanent`: the server refused for good (5xx), so trying again will not help.
 */
export class MailRefusal extends Error {
  readonly reason: string;
  readonly permanent: boolean;

  constructor(reason: string, permanent: boolean) {
    super(reason);
    this.name = 'MailRefusal';
    this.reason = reason;
    this.permanent = permanent;
  }
}

const emailAddress = /<?[^\s<>@]+@[^\s<>@]+>?/g;

/** The safe reason of what nodemailer threw (see MailRefusal). */
export function refusalOf(error: unknown): MailRefusal {
  if (error instanceof MailRefusal) return error;
  const detail = (error ?? {}) as {
    responseCode?: unknown;
    response?: unknown;
    code?: unknown;
    originalCode?: unknown;
  };
  const errorCode = (value: unknown) =>
    typeof value === 'string' && /^[A-Z_]{2,32}$/.test(value) ? value : undefined;
  // nodemailer files a system error (ECONNREFUSED) under its own code (ESOCKET) and keeps the first as originalCode.
  const code = errorCode(detail.originalCode) ?? errorCode(detail.code);
  if (typeof detail.responseCode === 'number') {
    const reply = typeof detail.response === 'string' ? detail.response : String(detail.responseCode);
    const text = reply.replace(emailAddress, '[address]').replace(/\s+/g, ' ').trim().slice(0, 300);
    const reason = text.startsWith(String(detail.responseCode)) ? text : `${detail.responseCode} ${text}`;
    // A refused sign-in to the server (EAUTH, 535) is Tandem's configuration, not this message: tried again.
    return new MailRefusal(reason, detail.responseCode >= 500 && code !== 'EAUTH');
  }
  const connection: Record<string, string> = {
    ECONNREFUSED: 'the mail server refused the connection',
    ECONNRESET: 'the mail server closed the connection',
    ETIMEDOUT: 'the mail server did not answer in time',
    ENOTFOUND: 'the mail server’s name was not found',
    EDNS: 'the mail server’s name was not found',
    ESOCKET: 'the connection to the mail server failed',
    ECONNECTION: 'the connection to the mail server failed',
    EAUTH: 'the mail server refused the user name or password',
    ETLS: 'the secure connection to the mail server failed',
  };
  const words = code === undefined ? 'sending failed' : (connection[code] ?? 'sending failed');
  return new MailRefusal(code === undefined ? words : `${words} (${code})`, false);
}

/** Delivers through the configured SMTP server (nodemailer keeps no pool: one connection per batch is enough). */
export function smtpTransport(settings: SmtpSettings, from: string): MailTransport {
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user === undefined ? {} : { auth: { user: settings.user, pass: settings.password ?? '' } }),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // nodemailer's own logging would write addresses and replies: never on.
    logger: false,
    debug: false,
  });
  return {
    async send(mail) {
      try {
        await transporter.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: `<${mail.id}@tandem.invalid>`,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        throw refusalOf(error);
      }
    },
    close() {
      transporter.close();
    },
  };
}
