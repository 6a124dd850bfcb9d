import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import type { Consent } from './api.ts';
import {
  addYears,
  amendmentForm,
  consentRequestBody,
  emptyConsentForm,
  formErrorsFrom,
  validateConsentForm,
} from './consent-form.ts';

const now = new Date('2026-03-10T18:00:00Z');
const context = { now, timeZone: 'America/Los_Angeles' };
const today = '2026-03-10';
const intl = createIntl({ locale: 'en', messages: {} });

function filled() {
  return {
    ...emptyConsentForm(today),
    typedName: 'Pat Example',
    supportContactId: '01900000-0000-7000-8000-000000000001',
    categories: ['attendance' as const, 'medications' as const],
    purpose: 'Family support',
  };
}

describe('the consent form', () => {
  it('starts today, for a year, unsigned until the patient types their name', () => {
    expect(emptyConsentForm(today)).toMatchObject({
      startsOn: today,
      endsBy: 'date',
      expiresOn: '2027-03-10',
      typedName: '',
    });
    expect(addYears('2028-02-29', 1)).toBe('2029-03-01');
  });

  it('sends an expiry date, an event, or both, as chosen', () => {
    const byDate = consentRequestBody({ ...filled(), expiryEvent: 'ignored' });
    expect(byDate).toMatchObject({ expiresOn: '2027-03-10', expiryEvent: null });
    const byEvent = consentRequestBody({ ...filled(), endsBy: 'event', expiryEvent: ' Discharge ' });
    expect(byEvent).toMatchObject({ expiresOn: null, expiryEvent: 'Discharge' });
    const both = consentRequestBody({ ...filled(), endsBy: 'both', expiryEvent: 'Discharge' });
    expect(both).toMatchObject({ expiresOn: '2027-03-10', expiryEvent: 'Discharge' });
    expect(
      consentRequestBody({ ...filled(), recipientKind: 'organization', recipientName: ' County Court ' })
        .recipient,
    ).toEqual({ kind: 'organization', name: 'County Court' });
  });

  it('reports every missing element on its field, with the rules the server applies', () => {
    expect(validateConsentForm(intl, filled(), context)).toEqual({});
    const errors = validateConsentForm(
      intl,
      {
        ...emptyConsentForm(today),
        endsBy: 'event',
        purpose: ' ',
      },
      context,
    );
    expect(Object.keys(errors).sort()).toEqual([
      'categories',
      'expiryEvent',
      'purpose',
      'supportContactId',
      'typedName',
    ]);
    expect(validateConsentForm(intl, { ...filled(), expiresOn: '2026-03-01' }, context)).toEqual({
      expiresOn: 'The consent cannot expire before it starts',
    });
    expect(
      validateConsentForm(intl, { ...filled(), recipientKind: 'person', recipientName: '' }, context),
    ).toHaveProperty('recipientName');
  });

  it('says each problem in the reader’s language', () => {
    const spanish = createIntl({
      locale: 'es',
      messages: {
        'consents.termsProblem.expiresBeforeStart': 'El consentimiento no puede vencer antes de comenzar',
      },
    });
    expect(validateConsentForm(spanish, { ...filled(), expiresOn: '2026-03-01' }, context)).toEqual({
      expiresOn: 'El consentimiento no puede vencer antes de comenzar',
    });
  });

  it('puts the server’s field errors on the matching fields', () => {
    expect(
      formErrorsFrom({
        'recipient.supportContactId': 'Not an active support contact of this patient',
        'categories.1': 'Not a kind of information Tandem shares',
        'signature.typedName': 'The patient types their full name to sign',
        expiresOn: 'Use a date',
      }),
    ).toEqual({
      supportContactId: 'Not an active support contact of this patient',
      categories: 'Not a kind of information Tandem shares',
      typedName: 'The patient types their full name to sign',
      expiresOn: 'Use a date',
    });
  });

  it('starts an amendment from the terms it replaces, signed anew', () => {
    const consent = {
      recipient: { kind: 'organization', supportContactId: null, name: 'County Court' },
      categories: ['attendance'],
      purpose: 'Court reporting',
      startsOn: '2025-01-01',
      expiresOn: null,
      expiryEvent: 'End of the case',
    } as unknown as Consent;
    expect(amendmentForm(consent, today)).toMatchObject({
      recipientKind: 'organization',
      recipientName: 'County Court',
      categories: ['attendance'],
      startsOn: today,
      endsBy: 'event',
      expiryEvent: 'End of the case',
      typedName: '',
    });
  });
});
