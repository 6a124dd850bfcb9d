import { describe, expect, it } from 'vitest';
import { passwordResetMail } from './password-reset-mail.ts';

const link = 'https://tandem.example.org/reset-password/abc';
const clinicalWords =
  /recovery|treatment|clinic|therap|substance|recuperaci|tratamiento|clínic|terap|sustancia/i;

describe('passwordResetMail', () => {
  it('names neither the program nor anything clinical, and carries the link and its lifetime', () => {
    const message = passwordResetMail('en', { link, validMinutes: 60, requestedBy: { kind: 'self' } });
    expect(message.subject).toBe('Choose a new Tandem password');
    expect(`${message.subject}\n${message.body}`).not.toMatch(clinicalWords);
    expect(message.body).toContain(link);
    expect(message.body).toContain('within 60 minutes');
  });

  it('says which administrator sent it', () => {
    const message = passwordResetMail('en', {
      link,
      validMinutes: 60,
      requestedBy: { kind: 'administrator', name: 'Alex Admin' },
    });
    expect(message.body.split('\n')[0]).toMatch(/^Alex Admin, an administrator, sent you a link/);
  });

  it('is written in Spanish for a reader of Spanish, as carefully', () => {
    const message = passwordResetMail('es', {
      link,
      validMinutes: 1,
      requestedBy: { kind: 'administrator', name: 'Alex Admin' },
    });
    expect(message.subject).toBe('Elija una nueva contraseña de Tandem');
    expect(message.body).toContain('Alex Admin, quien administra su cuenta');
    expect(message.body).toContain('1 minuto:');
    expect(`${message.subject}\n${message.body}`).not.toMatch(clinicalWords);
    expect(message.body).toContain(link);
  });
});
