/**
 * The e-mail that carries a password reset link. Like an invitation it says nothing clinical and names neither the
 * program nor the person (a mailbox is shared, a preview is read over a shoulder): only that a Tandem password
 * can be chosen, by whom it was asked, and that ignoring it changes nothing.
 */
export interface PasswordResetMessageInput {
  link: string;
  /** Minutes the link works. */
  validMinutes: number;
  /** Who asked: the account holder themself, or an administrator of their organization (named). */
  requestedBy: { kind: 'self' } | { kind: 'administrator'; name: string };
}

export function passwordResetMessage(input: PasswordResetMessageInput): { subject: string; body: string } {
  const asked =
    input.requestedBy.kind === 'self'
      ? 'Someone (we hope you) asked to choose a new password for your Tandem sign-in.'
      : `${input.requestedBy.name}, an administrator, sent you a link to choose a new password for your Tandem sign-in.`;
  return {
    subject: 'Choose a new Tandem password',
    body: [
      asked,
      '',
      `Open this link to choose it. It works once, within ${input.validMinutes} minutes:`,
      '',
      input.link,
      '',
      'If you did not ask for this, you can ignore this message: your password stays as it is.',
    ].join('\n'),
  };
}
