import { describe, expect, it } from 'vitest';
import { consentScopeExplanation, redisclosureNotice, redisclosureStatement } from './redisclosure-notice.ts';

describe('redisclosure notice (42 CFR 2.32 as amended in 2024)', () => {
  it('is the regulation’s abbreviated statement word for word', () => {
    expect(redisclosureNotice).toBe(
      '42 CFR part 2 prohibits unauthorized use or disclosure of these records.',
    );
  });

  it('carries the full statement with its three exceptions and the warning about general authorizations', () => {
    expect(redisclosureStatement).toMatch(
      /^This record which has been disclosed to you is protected by Federal/,
    );
    expect(redisclosureStatement).toContain('42 CFR 2.64 or 2.65');
    expect(redisclosureStatement).toContain('(ii) You are a covered entity or business associate');
    expect(redisclosureStatement).toContain('45 CFR part 164, subparts A and E');
    expect(redisclosureStatement).toMatch(/is NOT sufficient .* \(see 42 CFR 2\.31\)\.$/);
    // Plain ASCII: it goes into an HTTP header and a PDF's standard fonts unchanged.
    expect(redisclosureStatement).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('consentScopeExplanation (42 CFR 2.32(b))', () => {
  it('explains to whom, what, why and until when, and that the patient may revoke', () => {
    const text = consentScopeExplanation({
      recipientName: 'Jordan Example',
      categories: ['attendance', 'medications', 'drug_test_results'],
      purpose: 'Family support during treatment.',
      signedOn: '2026-03-01',
      startsOn: '2026-03-01',
      expiresOn: '2026-09-01',
      expiryEvent: 'discharge from the program',
    });
    expect(text).toBe(
      'The patient consented in writing on 2026-03-01 to share attendance and appointments, medications and ' +
        'drug test results with Jordan Example, for this purpose: Family support during treatment. The consent ' +
        'is in effect from 2026-03-01 until the end of 2026-09-01 or until discharge from the program, ' +
        'whichever comes first. The patient may revoke it at any time.',
    );
  });
});
