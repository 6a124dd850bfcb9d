import type { IntlShape } from 'react-intl';
import type { SupportContactCreate } from './api.ts';

export interface SupportContactFormValues {
  name: string;
  relationship: string;
  phone: string;
  email: string;
  tookPartInAdmission: boolean;
  mayJoinFamilySessions: boolean;
}

const phonePattern = /^[0-9+()\-.\s]*$/;
// The server checks the address properly; this only catches the obvious slip before sending.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateSupportContact(
  intl: IntlShape,
  values: SupportContactFormValues,
): Partial<Record<keyof SupportContactFormValues, string>> {
  const errors: Partial<Record<keyof SupportContactFormValues, string>> = {};
  if (values.name.trim() === '') {
    errors.name = intl.formatMessage({
      id: 'consents.supportContactForm.nameMissing',
      defaultMessage: 'Enter their name',
    });
  }
  if (values.relationship.trim() === '') {
    errors.relationship = intl.formatMessage({
      id: 'consents.supportContactForm.relationshipMissing',
      defaultMessage: 'Say how they relate to the patient',
    });
  }
  if (!phonePattern.test(values.phone)) {
    errors.phone = intl.formatMessage({
      id: 'consents.supportContactForm.phoneInvalid',
      defaultMessage: 'Use digits, spaces and + ( ) - only',
    });
  }
  if (values.email.trim() !== '' && !emailPattern.test(values.email.trim())) {
    errors.email = intl.formatMessage({
      id: 'consents.supportContactForm.emailInvalid',
      defaultMessage: 'Enter an email address',
    });
  }
  return errors;
}

export function supportContactBody(values: SupportContactFormValues): SupportContactCreate {
  return {
    name: values.name.trim(),
    relationship: values.relationship.trim(),
    phone: values.phone.trim() === '' ? null : values.phone.trim(),
    email: values.email.trim() === '' ? null : values.email.trim(),
    tookPartInAdmission: values.tookPartInAdmission,
    mayJoinFamilySessions: values.mayJoinFamilySessions,
  };
}
