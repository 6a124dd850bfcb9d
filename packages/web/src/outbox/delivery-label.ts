import { defineMessages, type IntlShape } from 'react-intl';
import type { OutboxMessage } from './api.ts';

export interface DeliveryLabel {
  label: string;
  color: string;
  /** A sentence for the message's panel: when it was sent, when it is tried next, why it failed. */
  detail: string | null;
}

const labels = defineMessages({
  sent: { id: 'outbox.delivery.sent', defaultMessage: 'Sent' },
  failed: { id: 'outbox.delivery.failed', defaultMessage: 'Failed' },
  notSent: { id: 'outbox.delivery.notSent', defaultMessage: 'Not sent' },
  retrying: { id: 'outbox.delivery.retrying', defaultMessage: 'Retrying' },
  sending: { id: 'outbox.delivery.sending', defaultMessage: 'Sending' },
  queued: { id: 'outbox.delivery.queued', defaultMessage: 'Queued' },
  noReason: { id: 'outbox.delivery.noReason', defaultMessage: 'no reason given' },
  writtenBeforeMail: {
    id: 'outbox.delivery.writtenBeforeMail',
    defaultMessage: 'Written before Tandem sent email: not sent.',
  },
  noMailServer: {
    id: 'outbox.delivery.noMailServer',
    defaultMessage:
      'Not sent: no mail server is configured (TANDEM_SMTP_URL). Copy links when you create invitations.',
  },
  waiting: { id: 'outbox.delivery.waiting', defaultMessage: 'Waiting to be sent.' },
});

/** A message's delivery in words, for administrators; without a mail server nothing is ever sent. */
export function deliveryLabel(intl: IntlShape, message: OutboxMessage, mailServer: boolean): DeliveryLabel {
  const { delivery } = message;
  const time = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const reason = delivery.lastError ?? intl.formatMessage(labels.noReason);
  switch (delivery.state) {
    case 'sent':
      return {
        label: intl.formatMessage(labels.sent),
        color: 'blue',
        detail: message.sentAt
          ? intl.formatMessage(
              { id: 'outbox.delivery.sentAt', defaultMessage: 'Sent {time}.' },
              { time: time(message.sentAt) },
            )
          : null,
      };
    case 'failed':
      return {
        label: intl.formatMessage(labels.failed),
        color: 'red',
        detail: intl.formatMessage(
          {
            id: 'outbox.delivery.failedDetail',
            defaultMessage:
              'Not sent after {attempts, plural, one {# attempt} other {# attempts}}. The mail server said: {reason}',
          },
          { attempts: delivery.attempts, reason },
        ),
      };
    case 'not_sent':
      return {
        label: intl.formatMessage(labels.notSent),
        color: 'gray',
        detail: intl.formatMessage(labels.writtenBeforeMail),
      };
    default:
      break;
  }
  if (!mailServer) {
    return {
      label: intl.formatMessage(labels.notSent),
      color: 'gray',
      detail: intl.formatMessage(labels.noMailServer),
    };
  }
  if (delivery.state === 'retrying') {
    return {
      label: intl.formatMessage(labels.retrying),
      color: 'orange',
      detail: delivery.nextAttemptAt
        ? intl.formatMessage(
            {
              id: 'outbox.delivery.retryingDetail',
              defaultMessage: 'Attempt {attempt, number} failed: {reason}. Next attempt {time}.',
            },
            { attempt: delivery.attempts, reason, time: time(delivery.nextAttemptAt) },
          )
        : intl.formatMessage(
            {
              id: 'outbox.delivery.retryingSoonDetail',
              defaultMessage: 'Attempt {attempt, number} failed: {reason}. Next attempt soon.',
            },
            { attempt: delivery.attempts, reason },
          ),
    };
  }
  if (delivery.state === 'sending')
    return { label: intl.formatMessage(labels.sending), color: 'teal', detail: null };
  return {
    label: intl.formatMessage(labels.queued),
    color: 'gray',
    detail: intl.formatMessage(labels.waiting),
  };
}
