import { defaultRetryPolicy, type RetryPolicy, retryDelayMs } from '@tandem/core/outbox/delivery';
import type { FastifyBaseLogger } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { systemContext } from '../records/record-context.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import { type MailTransport, refusalOf } from './mail-transport.ts';
import { type ClaimedMessage, outboxRepository } from './repository.ts';

export interface MailDeliveryOptions {
  records: RecordKernel;
  /** Unset: no mail server is configured, and nothing leaves (the outbox is read in the app). */
  transport: MailTransport | undefined;
  retry?: RetryPolicy;
  /** Messages one claim takes. */
  batchSize?: number;
  /** How long a claim holds before another worker may take the message (a process that died mid-send). */
  claimSeconds?: number;
}

export interface DeliveryPass {
  sent: number;
  retrying: number;
  failed: number;
}

const job = 'mail delivery';

/**
 * The mail sender: claims what is due in the outbox, organization by organization, sends it, and records the
 * outcome with its audit event in the organization (actor: system). A refusal for good (5xx) fails the message at
 * once; anything else is tried again with exponential backoff until the policy's attempts are used up. Safe in
 * several processes: claims skip what another worker holds (outboxRepository.claimDue).
 */
export function mailDelivery(options: MailDeliveryOptions) {
  const { records, transport } = options;
  const retry = options.retry ?? defaultRetryPolicy;
  const batchSize = options.batchSize ?? 20;
  const claimSeconds = options.claimSeconds ?? 120;
  const outbox = outboxRepository(records.db);

  async function attempt(message: ClaimedMessage, claimToken: string): Promise<keyof DeliveryPass> {
    let outcome: Parameters<typeof outbox.recordAttempt>[2];
    try {
      await transport?.send({
        id: message.id,
        to: message.recipient,
        subject: message.subject,
        text: message.body,
      });
      outcome = { kind: 'sent' };
    } catch (error) {
      const refusal = refusalOf(error);
      const afterMs = refusal.permanent ? undefined : retryDelayMs(message.attempts, retry);
      outcome =
        afterMs === undefined
          ? { kind: 'failed', error: refusal.reason }
          : { kind: 'retry', afterMs, error: refusal.reason };
    }
    const context = systemContext(message.organizationId, job);
    await records.write(context, async ({ trx, audit }) => {
      const recorded = await outbox.recordAttempt(trx, { ...message, claimToken }, outcome);
      if (!recorded) return;
      audit({
        action: outcome.kind === 'sent' ? 'send' : 'send_failed',
        resourceType: 'outbox_message',
        resourceId: message.id,
        patientId: null,
        // Tandem's own step, allowed either way; a failed send says so in its action and reason.
        outcome: 'allowed',
        fieldsChanged:
          outcome.kind === 'sent'
            ? ['sentAt']
            : outcome.kind === 'retry'
              ? ['nextAttemptAt', 'lastError']
              : ['failedAt', 'lastError'],
        reason:
          outcome.kind === 'sent'
            ? null
            : outcome.kind === 'retry'
              ? `will retry: ${outcome.error}`
              : outcome.error,
      });
    });
    return outcome.kind === 'sent' ? 'sent' : outcome.kind === 'retry' ? 'retrying' : 'failed';
  }

  return {
    /** Whether a mail server is configured (without one, messages wait in the outbox: "not sent"). */
    configured: transport !== undefined,

    /** Sends everything due now, batch by batch; tests call it by hand (the schedule is off for them). */
    async deliverDue(): Promise<DeliveryPass> {
      const pass: DeliveryPass = { sent: 0, retrying: 0, failed: 0 };
      if (transport === undefined) return pass;
      for (const organizationId of await outbox.organizationsWithDueMail(records.db)) {
        for (;;) {
          const claimToken = uuidv7();
          const claimed = await records.write(systemContext(organizationId, job), ({ trx }) =>
            outbox.claimDue(trx, organizationId, { token: claimToken, limit: batchSize, claimSeconds }),
          );
          for (const message of claimed) pass[await attempt(message, claimToken)] += 1;
          if (claimed.length < batchSize) break;
        }
      }
      return pass;
    },

    close() {
      transport?.close();
    },
  };
}

export type MailDelivery = ReturnType<typeof mailDelivery>;

/**
 * Runs the delivery every `intervalMs`, one pass at a time (like the alert sweep); the timer keeps no process
 * alive. A failed pass is logged by its error code only (details could name a recipient) and tried again.
 */
export function startMailDelivery(delivery: MailDelivery, intervalMs: number, log: FastifyBaseLogger) {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running !== undefined) return;
    running = delivery
      .deliverDue()
      .then(({ sent, retrying, failed }) => {
        if (sent + retrying + failed > 0) log.info({ sent, retrying, failed }, 'mail delivery');
      })
      .catch((error: unknown) => {
        log.error({ code: (error as { code?: unknown }).code }, 'mail delivery failed; trying again');
      })
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
