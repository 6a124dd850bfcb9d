import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { channelLabels, consentScopeExplanation, disclosedByLabel } from './labels.ts';

const intl = createIntl({ locale: 'en', messages: {} });

describe('disclosure labels', () => {
  it('names who disclosed: the staff member, or Tandem for a portal view', () => {
    expect(disclosedByLabel(intl, { disclosedBy: 'Dr. Casey Rivera', channel: 'printout' })).toBe(
      'Dr. Casey Rivera',
    );
    expect(disclosedByLabel(intl, { disclosedBy: null, channel: 'family_portal' })).toBe(
      'Tandem, when they opened the portal',
    );
    expect(disclosedByLabel(intl, { disclosedBy: null, channel: 'fhir' })).toBe('Tandem');
    expect(intl.formatMessage(channelLabels.printout)).toBe('Printed release');
  });
});

describe('the scope of a consent, told to its recipient (42 CFR 2.32(b))', () => {
  const consent = {
    id: '0192f000-0000-7000-8000-000000000001',
    recipientName: 'Jordan Example',
    signedOn: '2026-01-05',
    categories: ['attendance', 'treatment_plan'] as ('attendance' | 'treatment_plan')[],
    purpose: 'Family support. ',
    startsOn: '2026-01-05',
    expiresOn: '2026-07-05',
    expiryEvent: null,
    scope: '',
  };

  it('says who, what, why and until when in plain sentences', () => {
    expect(consentScopeExplanation(intl, consent)).toBe(
      'The patient consented in writing on Jan 5, 2026 to share attendance and appointments and treatment plan ' +
        'with Jordan Example, for this purpose: Family support. The consent is in effect from Jan 5, 2026 until ' +
        'the end of Jul 5, 2026. The patient may revoke it at any time.',
    );
  });

  it('names both ends when the consent ends on a date or an event, whichever comes first', () => {
    expect(consentScopeExplanation(intl, { ...consent, expiryEvent: 'discharge' })).toContain(
      'until the end of Jul 5, 2026 or until discharge, whichever comes first.',
    );
    expect(
      consentScopeExplanation(intl, { ...consent, expiresOn: null, expiryEvent: 'discharge' }),
    ).toContain('from Jan 5, 2026 until discharge.');
  });
});
