import { episodeRequestMessages } from '@tandem/core/admission/episode-request';
import { registrationMessages } from '@tandem/core/patients/registration-request';
import { describe, expect, it } from 'vitest';
import { coreRequestMessages } from './core-request-messages.ts';
import { formatErrorMessage } from './error-message.ts';
import { intlFor } from './intl.ts';

describe("the server's words for core's request rules", () => {
  it("has every one of core's messages, in core's English word for word", () => {
    const english = (messages: Record<string, { defaultMessage: string }>) =>
      Object.fromEntries(
        Object.entries(messages).map(([code, { defaultMessage }]) => [code, defaultMessage]),
      );
    expect(english(coreRequestMessages.registration)).toEqual(registrationMessages);
    expect(english(coreRequestMessages.episode)).toEqual(episodeRequestMessages);
  });

  it('words a field message a shared rule gave in the reader’s language', () => {
    expect(formatErrorMessage(intlFor('es'), registrationMessages.legalGivenNameMissing)).toBe(
      'Ingrese el nombre legal',
    );
    expect(formatErrorMessage(intlFor('en'), registrationMessages.legalGivenNameMissing)).toBe(
      'Enter the legal given name',
    );
    expect(formatErrorMessage(intlFor('es'), episodeRequestMessages.dischargeType)).not.toBe(
      episodeRequestMessages.dischargeType,
    );
  });
});
