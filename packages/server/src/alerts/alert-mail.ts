import { defineMessages } from '@formatjs/intl';
import type { UiLanguage } from '@tandem/core';
import { intlFor } from '../i18n/intl.ts';

const messages = defineMessages({
  subject: { id: 'alerts.mail.subject', defaultMessage: 'An alert needs your attention in Tandem' },
  body: {
    id: 'alerts.mail.body',
    defaultMessage:
      'A new alert has been routed to you in Tandem. Sign in to see it on your dashboard and record what was done.',
  },
});

/**
 * What a message about an alert says, in its recipient's language: that one waits, never what it is about (mail
 * may leave the program).
 */
export function alertMail(language: UiLanguage): { subject: string; body: string } {
  const intl = intlFor(language);
  return { subject: intl.formatMessage(messages.subject), body: intl.formatMessage(messages.body) };
}
