import { defineMessages } from '@formatjs/intl';
import type { ErrorMessageDescriptor } from '@tandem/core';
import { dictionary } from '@zxcvbn-ts/language-common';
import { type NoValues, withValues } from '../i18n/error-message.ts';

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

const problems = defineMessages<{
  tooShort: { minimum: number };
  emailName: NoValues;
  common: NoValues;
}>({
  tooShort: { id: 'auth.errors.passwordTooShort', defaultMessage: 'Use at least {minimum} characters.' },
  emailName: {
    id: 'auth.errors.passwordHasEmailName',
    defaultMessage:
      'Leave out your email name (the part before the @): it is the first thing an attacker tries.',
  },
  common: {
    id: 'auth.errors.passwordCommon',
    defaultMessage: 'This is one of the most common passwords, which attackers try first. Choose another.',
  },
});

/** What is wrong with a new password, for its form field; undefined when it will do. */
export function passwordProblem(password: string, email: string): ErrorMessageDescriptor | undefined {
  if (password.length < minimumPasswordLength) {
    return withValues(problems.tooShort, { minimum: minimumPasswordLength });
  }
  const lowered = password.toLowerCase();
  if (emailNames(email).some((name) => lowered.includes(name))) return problems.emailName;
  if (isCommon(password)) return problems.common;
  return undefined;
}
