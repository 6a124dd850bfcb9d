import { describe, expect, it } from 'vitest';
import {
  consentTermsProblemMessages,
  type NewConsentTerms,
  normalizedCategories,
  validateNewConsent,
} from './new-consent.ts';

const now = new Date('2026-03-10T18:00:00Z');
const context = { now, timeZone: 'America/Los_Angeles' };

function terms(overrides: Partial<NewConsentTerms> = {}): NewConsentTerms {
  return {
    recipient: { kind: 'support_contact', supportContactId: 'sc-1' },
    categories: ['attendance', 'medications'],
    purpose: 'To support my recovery at home',
    startsOn: '2026-03-10',
    expiresOn: '2026-09-10',
    expiryEvent: null,
    signature: { typedName: 'Pat Example', signedAt: now },
    ...overrides,
  };
}

const paths = (input: NewConsentTerms) => validateNewConsent(input, context).map((error) => error.path);

describe('validateNewConsent', () => {
  it('accepts a complete consent, with an expiry date, an ending event, or both', () => {
    expect(validateNewConsent(terms(), context)).toEqual([]);
    expect(paths(terms({ expiresOn: null, expiryEvent: 'Discharge from the program' }))).toEqual([]);
    expect(paths(terms({ expiryEvent: 'Discharge from the program' }))).toEqual([]);
    expect(paths(terms({ recipient: { kind: 'organization', name: 'County Drug Court' } }))).toEqual([]);
  });

  it('requires an expiry date or an ending event (42 CFR 2.31)', () => {
    const errors = validateNewConsent(terms({ expiresOn: null, expiryEvent: null }), context);
    expect(errors).toEqual([
      { path: 'expiresOn', problem: 'end_missing', message: expect.stringMatching(/expires or the event/) },
    ]);
    expect(paths(terms({ expiresOn: null, expiryEvent: '   ' }))).toEqual(['expiryEvent']);
  });

  it('requires at least one known category, each once', () => {
    expect(paths(terms({ categories: [] }))).toEqual(['categories']);
    expect(paths(terms({ categories: ['attendance', 'psychotherapy_notes'] }))).toEqual(['categories.1']);
    expect(paths(terms({ categories: ['attendance', 'attendance'] }))).toEqual(['categories']);
  });

  it('requires a purpose, a named recipient and a typed-name signature', () => {
    expect(
      paths(
        terms({
          purpose: '  ',
          recipient: { kind: 'person', name: ' ' },
          signature: { typedName: '', signedAt: now },
        }),
      ),
    ).toEqual(['recipient.name', 'purpose', 'signature.typedName']);
  });

  it('refuses dates in the wrong order, a past expiry and invalid dates', () => {
    expect(paths(terms({ startsOn: '2026-04-01', expiresOn: '2026-03-31' }))).toEqual(['expiresOn']);
    expect(paths(terms({ startsOn: '2026-02-30' }))).toEqual(['startsOn']);
    expect(paths(terms({ expiresOn: 'next year' }))).toEqual(['expiresOn']);
    // Signed earlier, on paper, and entered today: fine while it has not expired.
    const signedInFebruary = { typedName: 'Pat Example', signedAt: new Date('2026-02-01T18:00:00Z') };
    expect(
      paths(terms({ startsOn: '2026-02-01', expiresOn: '2026-03-09', signature: signedInFebruary })),
    ).toEqual(['expiresOn']);
    expect(
      paths(terms({ startsOn: '2026-02-01', expiresOn: '2026-03-10', signature: signedInFebruary })),
    ).toEqual([]);
  });

  it('refuses a signature from the future and a consent taking effect before it was signed', () => {
    const tomorrow = new Date(now.getTime() + 24 * 3600_000);
    expect(paths(terms({ signature: { typedName: 'Pat Example', signedAt: tomorrow } }))).toEqual([
      'signature.signedAt',
    ]);
    // A device clock a minute fast is not a future signature.
    const skewed = new Date(now.getTime() + 60_000);
    expect(paths(terms({ signature: { typedName: 'Pat Example', signedAt: skewed } }))).toEqual([]);
    expect(paths(terms({ startsOn: '2026-03-09' }))).toEqual(['startsOn']);
  });
});

describe('consent terms problems', () => {
  it('come as codes (worded in the reader’s language), each with the English the API answers with', () => {
    const errors = validateNewConsent(
      terms({ purpose: ' ', startsOn: '2026-04-01', expiresOn: '2026-03-31' }),
      context,
    );
    expect(errors.map(({ problem }) => problem)).toEqual(['purpose_missing', 'expires_before_start']);
    for (const error of errors) expect(error.message).toBe(consentTermsProblemMessages[error.problem]);
  });
});

describe('normalizedCategories', () => {
  it('puts categories in canonical order', () => {
    expect(normalizedCategories(['treatment_plan', 'attendance'])).toEqual(['attendance', 'treatment_plan']);
  });
});
