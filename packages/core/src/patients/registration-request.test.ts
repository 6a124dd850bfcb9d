import { describe, expect, it } from 'vitest';
import { patientRegistrationSchema, registrationMessages } from './registration-request.ts';

const valid = { legalGivenName: 'Ana', legalFamilyName: 'Lima', dateOfBirth: '1990-02-28' };

function messagesOf(input: unknown): Record<string, string> {
  const result = patientRegistrationSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('patientRegistrationSchema', () => {
  it('accepts the fewest fields registration needs and fills the defaults', () => {
    expect(patientRegistrationSchema.parse(valid)).toMatchObject({
      preferredLanguage: 'en',
      interpreterNeeded: false,
      sexAssignedAtBirth: 'unknown',
      country: 'US',
      confirmedNotDuplicate: false,
    });
  });

  it('says each problem with the message of its code', () => {
    expect(
      messagesOf({
        ...valid,
        legalGivenName: ' ',
        dateOfBirth: '1899-12-31',
        phone: 'call me',
        country: 'usa',
      }),
    ).toEqual({
      legalGivenName: registrationMessages.legalGivenNameMissing,
      dateOfBirth: registrationMessages.dateOfBirthTooEarly,
      phone: registrationMessages.phoneCharacters,
      country: registrationMessages.countryCode,
    });
  });
});
