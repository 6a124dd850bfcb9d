import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './test-server.ts';

/**
 * A real SMTP server for tests (the smtp-server package), on a free local port: it accepts what Tandem sends and
 * keeps each message parsed (mailparser), or refuses recipients with the code a test chooses.
 */
export interface TestMailbox {
  /** TANDEM_SMTP_URL for this server (a user and password: the server accepts any). */
  url: string;
  port: number;
  received: ParsedMail[];
  /** The first message (already received or yet to come) that `matches`. */
  waitFor(matches: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  /** From now on, refuse every recipient with this reply (e.g. 550 or 451); null: accept again. */
  refuseRecipients(reply: { code: number; message: string } | null): void;
  /** Stops listening: a later send meets a refused connection. */
  close(): Promise<void>;
}

export async function startTestSmtpServer(): Promise<TestMailbox> {
  const port = await freePort();
  const received: ParsedMail[] = [];
  const waiters: { matches: (mail: ParsedMail) => boolean; resolve: (mail: ParsedMail) => void }[] = [];
  let refusal: { code: number; message: string } | null = null;
  const server = new SMTPServer({
    // Plain SMTP on localhost: no STARTTLS (its self-signed certificate would fail nodemailer's check).
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'tandem' });
    },
    onRcptTo(_address, _session, callback) {
      if (refusal === null) return callback();
      const error = new Error(refusal.message) as Error & { responseCode: number };
      error.responseCode = refusal.code;
      return callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          for (const waiter of [...waiters]) {
            if (waiter.matches(mail)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(mail);
            }
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  let closed: Promise<void> | undefined;
  return {
    url: `smtp://tandem:mail-test-password@127.0.0.1:${port}`,
    port,
    received,
    waitFor(matches, timeoutMs = 10_000) {
      const found = received.find(matches);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { matches, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) {
            waiters.splice(index, 1);
            reject(new Error(`no matching message arrived within ${timeoutMs} ms`));
          }
        }, timeoutMs).unref();
      });
    },
    refuseRecipients(reply) {
      refusal = reply;
    },
    close() {
      closed ??= new Promise((resolve) => server.close(() => resolve()));
      return closed;
    },
  };
}

/** The text of a parsed message's plain-text part. */
export const textOf = (mail: ParsedMail): string => mail.text ?? '';

/** Who a parsed message went to, as one address. */
export function recipientOf(mail: ParsedMail): string {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to?.value[0]?.address ?? '';
}
