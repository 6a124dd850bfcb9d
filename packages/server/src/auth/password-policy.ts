import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * What a new password must not be, beyond its length: one of the passwords attackers try first (zxcvbn's list of
 * common passwords, also after the digits and symbols people tack on at either end are taken off), or built on
 * the person's own email name. Each answer says why, for the form field.
 */
export const minimumPasswordLength = 12;

const commonPasswords = new Set(dictionary['passwords-common']);

const decoration = /^[\d\W_]+|[\d\W_]+$/g;

function isCommon(password: string): boolean {
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered)) return true;
  const core = lowered.replace(decoration, '');
  return core.length >= 4 && commonPasswords.has(core);
}

/** The parts of the email before the @ worth refusing: the whole name and its longer pieces ("alex.admin"). */
function emailNames(email: string): string[] {
  const local = email.toLowerCase().split('@')[0] ?? '';
  const pieces = local.split(/[._+-]+/).filter((piece) => piece.length >= 4);
  return [local, ...pieces].filter((name) => name.length >= 3);
}

export function passwordProblem(password: string, email: string): string | undefined {
  if (password.length < minimumPasswordLength) {
    return `Use at least ${minimumPasswordLength} characters.`;
  }
  const lowered = password.toLowerCase();
  if (emailNames(email).some((name) => lowered.includes(name))) {
    return 'Leave out your email name (the part before the @): it is the first thing an attacker tries.';
  }
  if (isCommon(password)) {
    return 'This is one of the most common passwords, which attackers try first. Choose another.';
  }
  return undefined;
}
