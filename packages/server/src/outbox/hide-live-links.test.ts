import { describe, expect, it } from 'vitest';
import { hiddenLinkText, hideLiveLinks } from './hide-live-links.ts';

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
