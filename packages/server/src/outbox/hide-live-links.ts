/** A one-time link anywhere in a message: the public address, then /invitations/ or /reset-password/ and a token. */
const invitationLink = /https?:\/\/\S+?\/invitations\/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;
const passwordResetLink = /https?:\/\/\S+?\/reset-password\/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

/** What the outbox shows in place of a link: the token is a credential until the invitation is used or closed. */
export const hiddenLinkText = '[the invitation link: sent to the recipient only]';
export const hiddenResetLinkText = '[the password link: sent to the recipient only]';

/**
 * A message's text as people may read it in Tandem: whoever holds a live link can accept the invitation (or choose
 * the account's password), so the outbox shows that a link was sent, never the link (the person who creates an
 * invitation sees it once).
 */
export function hideLiveLinks(body: string): string {
  return body.replace(invitationLink, hiddenLinkText).replace(passwordResetLink, hiddenResetLinkText);
}
