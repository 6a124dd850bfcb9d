import { englishOf } from '@tandem/core';
import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

const email = 'alex.morgan@clinic.example';

/** The problem in English, as an English reader gets it. */
function problemOf(password: string, address: string): string | undefined {
  const problem = passwordProblem(password, address);
  return problem === undefined ? undefined : englishOf(problem);
}

describe('password policy', () => {
  it('accepts a long password that is neither common nor built on the email', () => {
    expect(problemOf('violet-harbor-tram-42', email)).toBeUndefined();
    expect(problemOf('tandem-demo-2026', 'admin@demo.tandem.test')).toBeUndefined();
  });

  it('refuses a password shorter than 12 characters', () => {
    expect(problemOf('short-pass', email)).toMatch(/at least 12 characters/);
  });

  it('refuses very common passwords, also with digits and symbols tacked on', () => {
    expect(problemOf('qwerty123456', email)).toMatch(/most common passwords/);
    expect(problemOf('1qaz2wsx3edc', email)).toMatch(/most common passwords/);
    expect(problemOf('Password1234!', email)).toMatch(/most common passwords/);
    expect(problemOf('!!football2024', email)).toMatch(/most common passwords/);
  });

  it('refuses a password containing the email name or a longer piece of it, in any case', () => {
    expect(problemOf('my-ALEX.MORGAN-secret', email)).toMatch(/email name/);
    expect(problemOf('morgan-likes-tea-2026', email)).toMatch(/email name/);
    expect(problemOf('xx-admin-xx-quiet-lake', 'admin@demo.tandem.test')).toMatch(/email name/);
  });
});
