import { describe, expect, it } from 'vitest';
import { passwordResetMessage } from './password-reset-message.ts';

describe('passwordResetMessage', () => {
  const link = 'https://tandem.example.org/reset-password/abc';

  it('names neither the program nor anything clinical, and carries the link and its lifetime', () => {
    const message = passwordResetMessage({ link, validMinutes: 60, requestedBy: { kind: 'self' } });
    expect(message.subject).toBe('Choose a new Tandem password');
    expect(`${message.subject}\n${message.body}`).not.toMatch(/recovery|treatment|clinic|therap|substance/i);
    expect(message.body).toContain(link);
    expect(message.body).toContain('within 60 minutes');
  });

  it('says which administrator sent it', () => {
    const message = passwordResetMessage({
      link,
      validMinutes: 60,
      requestedBy: { kind: 'administrator', name: 'Alex Admin' },
    });
    expect(message.body.split('\n')[0]).toMatch(/^Alex Admin, an administrator, sent you a link/);
  });
});
