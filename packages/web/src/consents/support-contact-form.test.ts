import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { supportContactBody, validateSupportContact } from './support-contact-form.ts';

const intl = createIntl({ locale: 'en', messages: {} });

const values = {
  name: ' Sam Example ',
  relationship: 'Brother',
  phone: '',
  email: '',
  tookPartInAdmission: false,
  mayJoinFamilySessions: true,
};

describe('the support contact form', () => {
  it('needs a name and a relationship, and checks phone and email only when given', () => {
    expect(validateSupportContact(intl, values)).toEqual({});
    expect(
      Object.keys(
        validateSupportContact(intl, {
          ...values,
          name: ' ',
          relationship: '',
          phone: 'call me',
          email: 'sam@',
        }),
      ),
    ).toEqual(['name', 'relationship', 'phone', 'email']);
  });

  it('sends empty phone and email as absent, and trims the rest', () => {
    expect(supportContactBody(values)).toEqual({
      name: 'Sam Example',
      relationship: 'Brother',
      phone: null,
      email: null,
      tookPartInAdmission: false,
      mayJoinFamilySessions: true,
    });
  });
});
