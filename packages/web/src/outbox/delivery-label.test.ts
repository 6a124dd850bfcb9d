import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import type { OutboxMessage } from './api.ts';
import { deliveryLabel } from './delivery-label.ts';

const intl = createIntl({ locale: 'en', messages: {} });

const message = (
  delivery: Partial<OutboxMessage['delivery']>,
  sentAt: string | null = null,
): OutboxMessage => ({
  id: '0193a6d4-0000-7000-8000-000000000001',
  kind: 'invitation',
  recipient: 'robin@example.org',
  subject: 'You are invited to Tandem',
  body: 'Hello',
  createdAt: '2026-12-06T10:00:00.000Z',
  sentAt,
  delivery: {
    state: 'queued',
    attempts: 0,
    lastAttemptAt: null,
    nextAttemptAt: '2026-12-06T10:00:00.000Z',
    failedAt: null,
    lastError: null,
    ...delivery,
  },
  invitationId: null,
  invitationStatus: null,
});

describe('deliveryLabel', () => {
  it('says a queued message is not sent when no mail server is configured', () => {
    expect(deliveryLabel(intl, message({}), false)).toMatchObject({
      label: 'Not sent',
      detail: expect.stringMatching(/^Not sent: no mail server is configured/),
    });
    expect(deliveryLabel(intl, message({}), true).label).toBe('Queued');
  });

  it('shows a retry with its reason and next attempt, and a failure with the server’s reason', () => {
    const retrying = deliveryLabel(
      intl,
      message({ state: 'retrying', attempts: 1, lastError: '451 Try again later' }),
      true,
    );
    expect(retrying.label).toBe('Retrying');
    expect(retrying.detail).toMatch(/Attempt 1 failed: 451 Try again later\. Next attempt /);
    const failed = deliveryLabel(
      intl,
      message({ state: 'failed', attempts: 2, lastError: '550 No mailbox', nextAttemptAt: null }),
      true,
    );
    expect(failed).toMatchObject({ label: 'Failed', color: 'red' });
    expect(failed.detail).toBe('Not sent after 2 attempts. The mail server said: 550 No mailbox');
  });

  it('shows when a message was sent', () => {
    expect(
      deliveryLabel(intl, message({ state: 'sent', attempts: 1 }, '2026-12-06T10:01:00.000Z'), true).label,
    ).toBe('Sent');
  });
});
