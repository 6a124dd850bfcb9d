import { describe, expect, it } from 'vitest';
import {
  categoriesCoveredBy,
  categoriesOpenedAt,
  consentStatusAt,
  type RecipientConsent,
} from './consent-status.ts';

const portland = 'America/Los_Angeles';
// 2026-03-10 at 20:00 in Portland is already 2026-03-11 in UTC.
const eveningOfMarch10 = new Date('2026-03-11T03:00:00Z');

function consent(overrides: Partial<RecipientConsent> = {}): RecipientConsent {
  return {
    id: 'c1',
    categories: ['attendance'],
    startsOn: '2026-03-01',
    expiresOn: '2026-03-10',
    revokedAt: null,
    ...overrides,
  };
}

describe('consentStatusAt', () => {
  it('is active from the first to the last day inclusive, in the program’s time zone', () => {
    expect(consentStatusAt(consent(), eveningOfMarch10, portland)).toBe('active');
    // The same instant is the 11th in UTC: expired there.
    expect(consentStatusAt(consent(), eveningOfMarch10, 'UTC')).toBe('expired');
    expect(consentStatusAt(consent(), new Date('2026-03-11T08:00:00Z'), portland)).toBe('expired');
    expect(consentStatusAt(consent({ startsOn: '2026-03-11' }), eveningOfMarch10, portland)).toBe(
      'not_yet_active',
    );
  });

  it('has no end date when it ends on an event, until the event is recorded', () => {
    const onEvent = consent({ expiresOn: null });
    expect(consentStatusAt(onEvent, new Date('2030-01-01T12:00:00Z'), portland)).toBe('active');
  });

  it('is revoked from the moment of revocation, and superseded when an amendment revoked it', () => {
    const revokedAt = new Date('2026-03-05T18:00:00Z');
    const revoked = consent({ revokedAt });
    expect(consentStatusAt(revoked, new Date('2026-03-05T17:59:59Z'), portland)).toBe('active');
    expect(consentStatusAt(revoked, revokedAt, portland)).toBe('revoked');
    expect(consentStatusAt({ ...revoked, supersededByConsentId: 'c2' }, eveningOfMarch10, portland)).toBe(
      'superseded',
    );
    // Revocation outranks expiry: a revoked consent says so even after its date.
    expect(consentStatusAt(revoked, new Date('2027-01-01T00:00:00Z'), portland)).toBe('revoked');
  });
});

describe('categoriesOpenedAt', () => {
  it('opens the union of the active consents’ categories, in canonical order, and names those consents', () => {
    const consents = [
      consent({ id: 'meds', categories: ['medications', 'attendance'], expiresOn: null }),
      consent({ id: 'tests', categories: ['drug_test_results'], expiresOn: null }),
      consent({ id: 'expired', categories: ['diagnosis'], expiresOn: '2026-03-02' }),
      consent({ id: 'revoked', categories: ['treatment_plan'], revokedAt: new Date('2026-03-02T00:00:00Z') }),
      consent({
        id: 'future',
        categories: ['progress_notes_summary'],
        startsOn: '2026-04-01',
        expiresOn: null,
      }),
    ];
    const opened = categoriesOpenedAt(consents, eveningOfMarch10, portland);
    expect(opened.categories).toEqual(['attendance', 'medications', 'drug_test_results']);
    expect(opened.activeConsents.map((active) => active.id)).toEqual(['meds', 'tests']);
  });

  it('opens nothing when every consent is revoked or expired', () => {
    const consents = [
      consent({ revokedAt: new Date('2026-03-02T00:00:00Z') }),
      consent({ expiresOn: '2026-03-02' }),
    ];
    expect(categoriesOpenedAt(consents, eveningOfMarch10, portland)).toEqual({
      categories: [],
      activeConsents: [],
    });
  });
});

describe('categoriesCoveredBy', () => {
  it('is the part of what was shown that one consent covers', () => {
    expect(
      categoriesCoveredBy(consent({ categories: ['medications', 'diagnosis'] }), [
        'attendance',
        'medications',
      ]),
    ).toEqual(['medications']);
  });
});
