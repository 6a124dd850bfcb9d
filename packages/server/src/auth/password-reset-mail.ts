import { defineMessages } from '@formatjs/intl';
import type { UiLanguage } from '@tandem/core';
import { intlFor } from '../i18n/intl.ts';

/**
 * The e-mail that carries a password reset link, in the account holder's language. Like an invitation it says
 * nothing clinical and names neither the program nor the person (a mailbox is shared, a preview is read over a
 * shoulder): only that a Tandem password can be chosen, by whom it was asked, and that ignoring it changes nothing.
 */
export interface PasswordResetMailInput {
  link: string;
  /** Minutes the link works. */
  validMinutes: number;
  /** Who asked: the account holder themself, or an administrator of their organization (named). */
  requestedBy: { kind: 'self' } | { kind: 'administrator'; name: string };
}

type NoValues = Record<never, never>;
const messages = defineMessages<{
  subject: NoValues;
  askedBySelf: NoValues;
  askedByAdministrator: { name: string };
  openLink: { minutes: number };
  ignore: NoValues;
}>({
  subject: { id: 'passwordReset.mail.subject', defaultMessage: 'Choose a new Tandem password' },
  askedBySelf: {
    id: 'passwordReset.mail.askedBySelf',
    defaultMessage: 'Someone (we hope you) asked to choose a new password for your Tandem sign-in.',
  },
  askedByAdministrator: {
    id: 'passwordReset.mail.askedByAdministrator',
    defaultMessage:
      '{name}, an administrator, sent you a link to choose a new password for your Tandem sign-in.',
  },
  openLink: {
    id: 'passwordReset.mail.openLink',
    defaultMessage:
      'Open this link to choose it. It works once, within {minutes, plural, one {# minute} other {# minutes}}:',
  },
  ignore: {
    id: 'passwordReset.mail.ignore',
    defaultMessage: 'If you did not ask for this, you can ignore this message: your password stays as it is.',
  },
});

export function passwordResetMail(
  language: UiLanguage,
  input: PasswordResetMailInput,
): { subject: string; body: string } {
  const intl = intlFor(language);
  const asked =
    input.requestedBy.kind === 'self'
      ? intl.formatMessage(messages.askedBySelf)
      : intl.formatMessage(messages.askedByAdministrator, { name: input.requestedBy.name });
  return {
    subject: intl.formatMessage(messages.subject),
    body: [
      asked,
      '',
      intl.formatMessage(messages.openLink, { minutes: input.validMinutes }),
      '',
      input.link,
      '',
      intl.formatMessage(messages.ignore),
    ].join('\n'),
  };
}
