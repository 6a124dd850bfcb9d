import { describe, expect, it } from 'vitest';
import { hiddenLinkText, hiddenResetLinkText, hideLiveLinks } from './hide-live-links.ts';

const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE';

describe('hideLiveLinks', () => {
  it('replaces every invitation link, whatever the public address, and keeps the rest of the text', () => {
    const body = `Hello,\n\nOpen https://tandem.example.org/invitations/${token} to join.\nOr http://127.0.0.1:4000/invitations/${token}.\n`;
    expect(hideLiveLinks(body)).toBe(`Hello,\n\nOpen ${hiddenLinkText} to join.\nOr ${hiddenLinkText}.\n`);
  });

  it('leaves other addresses alone', () => {
    const body = 'Read https://tandem.example.org/help and https://tandem.example.org/invitations/short';
    expect(hideLiveLinks(body)).toBe(body);
  });
});

describe('hideLiveLinks on password links', () => {
  it('replaces a password reset link too: whoever holds it can choose the account’s password', () => {
    const body = `Open this link:\n\nhttps://tandem.example.org/reset-password/${'x'.repeat(43)}\n`;
    expect(hideLiveLinks(body)).toBe(`Open this link:\n\n${hiddenResetLinkText}\n`);
  });
});
