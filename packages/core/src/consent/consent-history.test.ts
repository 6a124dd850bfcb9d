import { describe, expect, it } from 'vitest';
import {
  type ConsentSignedContent,
  consentTermChanges,
  readableConsentTerms,
  signedConsentTerms,
} from './consent-history.ts';

const signed: ConsentSignedContent = {
  recipientKind: 'support_contact',
  supportContactId: '0192f000-0000-7000-8000-000000000001',
  recipientName: 'Jordan Example',
  categories: ['attendance', 'treatment_plan'],
  purpose: 'Family support',
  startsOn: '2026-01-05',
  expiresOn: '2026-07-05',
  expiryEvent: null,
  signedName: 'Pat Example',
  signedAt: '2026-01-05T17:00:00.000Z',
};

describe('consent history', () => {
  it('reads the terms in the words of the consent form', () => {
    expect(readableConsentTerms(signed)).toMatchObject({
      recipientKind: 'Support contact',
      categories: 'Attendance and appointments, Treatment plan',
    });
  });

  it('gives the terms as codes for a reader to word in their own language', () => {
    expect(signedConsentTerms(signed)).toEqual({
      recipientName: 'Jordan Example',
      recipientKind: 'support_contact',
      categories: ['attendance', 'treatment_plan'],
      purpose: 'Family support',
      startsOn: '2026-01-05',
      expiresOn: '2026-07-05',
      expiryEvent: null,
      signedName: 'Pat Example',
      signedAt: '2026-01-05T17:00:00.000Z',
    });
    expect(signedConsentTerms({ purpose: 'Court' })).toMatchObject({ purpose: 'Court', categories: null });
  });

  it('names each amended term once, in the order of the form, with readable values', () => {
    const amended = {
      ...signed,
      categories: ['attendance'] as ConsentSignedContent['categories'],
      expiresOn: null,
      expiryEvent: 'Discharge',
      signedAt: '2026-02-01T10:00:00.123456Z',
    };
    expect(consentTermChanges(signed, amended)).toEqual([
      {
        path: 'categories',
        label: 'Information shared',
        before: 'Attendance and appointments, Treatment plan',
        after: 'Attendance and appointments',
      },
      { path: 'expiresOn', label: 'Expires on', before: '2026-07-05', after: null },
      { path: 'expiryEvent', label: 'Ends with the event', before: null, after: 'Discharge' },
      {
        path: 'signedAt',
        label: 'Signed at',
        before: '2026-01-05T17:00:00.000Z',
        after: '2026-02-01T10:00:00.123Z',
      },
    ]);
  });

  it('finds nothing when the terms are the same', () => {
    expect(consentTermChanges(signed, { ...signed })).toEqual([]);
  });
});
