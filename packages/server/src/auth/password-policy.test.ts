import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

const email = 'alex.morgan@clinic.example';

describe('password policy', () => {
  it('accepts a long password that is neither common nor built on the email', () => {
    expect(passwordProblem('violet-harbor-tram-42', email)).toBeUndefined();
    expect(passwordProblem('tandem-demo-2026', 'admin@demo.tandem.test')).toBeUndefined();
  });

  it('refuses a password shorter than 12 characters', () => {
    expect(passwordProblem('short-pass', email)).toMatch(/at least 12 characters/);
  });

  it('refuses very common passwords, also with digits and symbols tacked on', () => {
    expect(passwordProblem('qwerty123456', email)).toMatch(/most common passwords/);
    expect(passwordProblem('1qaz2wsx3edc', email)).toMatch(/most common passwords/);
    expect(passwordProblem('Password1234!', email)).toMatch(/most common passwords/);
    expect(passwordProblem('!!football2024', email)).toMatch(/most common passwords/);
  });

  it('refuses a password containing the email name or a longer piece of it, in any case', () => {
    expect(passwordProblem('my-ALEX.MORGAN-secret', email)).toMatch(/email name/);
    expect(passwordProblem('morgan-likes-tea-2026', email)).toMatch(/email name/);
    expect(passwordProblem('xx-admin-xx-quiet-lake', 'admin@demo.tandem.test')).toMatch(/email name/);
  });
});
