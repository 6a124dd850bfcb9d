import { formatDateTime } from '../invitations/format.ts';
import type { OutboxMessage } from './api.ts';

export interface DeliveryLabel {
  label: string;
  color: string;
  /** A sentence for the message's panel: when it was sent, when it is tried next, why it failed. */
  detail: string | null;
}

/** A message's delivery in words, for administrators; without a mail server nothing is ever sent. */
export function deliveryLabel(message: OutboxMessage, mailServer: boolean): DeliveryLabel {
  const { delivery } = message;
  switch (delivery.state) {
    case 'sent':
      return {
        label: 'Sent',
        color: 'blue',
        detail: message.sentAt ? `Sent ${formatDateTime(message.sentAt)}.` : null,
      };
    case 'failed':
      return {
        label: 'Failed',
        color: 'red',
        detail: `Not sent after ${delivery.attempts} attempt${delivery.attempts === 1 ? '' : 's'}. The mail server said: ${delivery.lastError ?? 'no reason given'}`,
      };
    case 'not_sent':
      return { label: 'Not sent', color: 'gray', detail: 'Written before Tandem sent email: not sent.' };
    default:
      break;
  }
  if (!mailServer) {
    return {
      label: 'Not sent',
      color: 'gray',
      detail:
        'Not sent: no mail server is configured (TANDEM_SMTP_URL). Copy links when you create invitations.',
    };
  }
  if (delivery.state === 'retrying') {
    return {
      label: 'Retrying',
      color: 'orange',
      detail: `Attempt ${delivery.attempts} failed: ${delivery.lastError ?? 'no reason given'}. Next attempt ${
        delivery.nextAttemptAt ? formatDateTime(delivery.nextAttemptAt) : 'soon'
      }.`,
    };
  }
  if (delivery.state === 'sending') return { label: 'Sending', color: 'teal', detail: null };
  return { label: 'Queued', color: 'gray', detail: 'Waiting to be sent.' };
}
