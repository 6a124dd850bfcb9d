import { defineMessages } from '@formatjs/intl';
import type { ErrorMessageDescriptor } from '@tandem/core';

/**
 * The field messages of the request rules core shares with the web (registration, admission and episode changes):
 * core words them in English, keyed by a code, and the web words each code itself. The API answers its requester in
 * their language, so the server has each of them in its catalogue too: the English here is core's, word for word
 * (core-request-messages.test.ts holds them together), and the edge finds a field message by that English.
 */
const registration = defineMessages({
  legalGivenNameMissing: {
    id: 'patients.requestErrors.legalGivenNameMissing',
    defaultMessage: 'Enter the legal given name',
  },
  legalFamilyNameMissing: {
    id: 'patients.requestErrors.legalFamilyNameMissing',
    defaultMessage: 'Enter the legal family name',
  },
  nameTooLong: {
    id: 'patients.requestErrors.nameTooLong',
    defaultMessage: 'Keep the name under 100 characters',
  },
  preferredNameTooLong: {
    id: 'patients.requestErrors.preferredNameTooLong',
    defaultMessage: 'Keep the preferred name under 100 characters',
  },
  pronounsTooLong: {
    id: 'patients.requestErrors.pronounsTooLong',
    defaultMessage: 'Keep pronouns under 40 characters',
  },
  genderIdentityTooLong: {
    id: 'patients.requestErrors.genderIdentityTooLong',
    defaultMessage: 'Keep the gender identity under 100 characters',
  },
  addressTooLong: {
    id: 'patients.requestErrors.addressTooLong',
    defaultMessage: 'Keep the address under 200 characters',
  },
  cityTooLong: {
    id: 'patients.requestErrors.cityTooLong',
    defaultMessage: 'Keep the city under 100 characters',
  },
  regionTooLong: {
    id: 'patients.requestErrors.regionTooLong',
    defaultMessage: 'Keep the state or region under 100 characters',
  },
  postalCodeTooLong: {
    id: 'patients.requestErrors.postalCodeTooLong',
    defaultMessage: 'Keep the postal code under 20 characters',
  },
  contactNameTooLong: {
    id: 'patients.requestErrors.contactNameTooLong',
    defaultMessage: 'Keep the name under 200 characters',
  },
  relationshipTooLong: {
    id: 'patients.requestErrors.relationshipTooLong',
    defaultMessage: 'Keep the relationship under 100 characters',
  },
  dateOfBirthFormat: {
    id: 'patients.requestErrors.dateOfBirthFormat',
    defaultMessage: 'Enter the date of birth as YYYY-MM-DD',
  },
  dateOfBirthTooEarly: {
    id: 'patients.requestErrors.dateOfBirthTooEarly',
    defaultMessage: 'Enter a date of birth after 1900',
  },
  phoneTooLong: {
    id: 'patients.requestErrors.phoneTooLong',
    defaultMessage: 'Keep the phone number under 40 characters',
  },
  phoneCharacters: {
    id: 'patients.requestErrors.phoneCharacters',
    defaultMessage: 'Use digits, spaces and + ( ) - only',
  },
  emailInvalid: { id: 'patients.requestErrors.emailInvalid', defaultMessage: 'Enter an email address' },
  languageTag: {
    id: 'patients.requestErrors.languageTag',
    defaultMessage: 'Use a language tag such as en, es or pt-BR',
  },
  countryCode: {
    id: 'patients.requestErrors.countryCode',
    defaultMessage: 'Use a two-letter country code such as US',
  },
  sexAssignedAtBirth: {
    id: 'patients.requestErrors.sexAssignedAtBirth',
    defaultMessage: 'Choose female, male, intersex or unknown',
  },
  interpreterNeeded: {
    id: 'patients.requestErrors.interpreterNeeded',
    defaultMessage: 'Answer whether an interpreter is needed with true or false',
  },
  therapistGender: {
    id: 'patients.requestErrors.therapistGender',
    defaultMessage: 'Choose woman, man or non-binary',
  },
});

const episode = defineMessages({
  asamEdition: { id: 'admission.requestErrors.asamEdition', defaultMessage: 'Choose the 3rd or 4th edition' },
  asamLevelMissing: {
    id: 'admission.requestErrors.asamLevelMissing',
    defaultMessage: 'Choose a level of care',
  },
  asamLevelOfEdition: {
    id: 'admission.requestErrors.asamLevelOfEdition',
    defaultMessage: 'Not a level of care of this ASAM edition',
  },
  substanceClass: { id: 'admission.requestErrors.substanceClass', defaultMessage: 'Choose a substance' },
  specificSubstanceTooLong: {
    id: 'admission.requestErrors.specificSubstanceTooLong',
    defaultMessage: 'Keep this under 100 characters',
  },
  route: { id: 'admission.requestErrors.route', defaultMessage: 'Choose how it is used' },
  frequency: { id: 'admission.requestErrors.frequency', defaultMessage: 'Choose how often' },
  ageInYears: { id: 'admission.requestErrors.ageInYears', defaultMessage: 'Enter an age in years' },
  ageWholeYears: { id: 'admission.requestErrors.ageWholeYears', defaultMessage: 'Enter whole years' },
  ageTooLow: { id: 'admission.requestErrors.ageTooLow', defaultMessage: 'Enter an age of 0 or more' },
  ageTooHigh: { id: 'admission.requestErrors.ageTooHigh', defaultMessage: 'Enter an age of 120 or less' },
  diagnosisMissing: { id: 'admission.requestErrors.diagnosisMissing', defaultMessage: 'Choose a diagnosis' },
  onsetDateFormat: {
    id: 'admission.requestErrors.onsetDateFormat',
    defaultMessage: 'Enter the onset date as YYYY-MM-DD',
  },
  presentingProblemsTooLong: {
    id: 'admission.requestErrors.presentingProblemsTooLong',
    defaultMessage: 'Keep this under 5000 characters',
  },
  coOccurringCondition: {
    id: 'admission.requestErrors.coOccurringCondition',
    defaultMessage: 'Not a listed condition',
  },
  referralNoteTooLong: {
    id: 'admission.requestErrors.referralNoteTooLong',
    defaultMessage: 'Keep the note under 1000 characters',
  },
  admittedOnFormat: {
    id: 'admission.requestErrors.admittedOnFormat',
    defaultMessage: 'Enter the admission date as YYYY-MM-DD',
  },
  referralSource: {
    id: 'admission.requestErrors.referralSource',
    defaultMessage: 'Choose who referred the patient',
  },
  setting: { id: 'admission.requestErrors.setting', defaultMessage: 'Choose the setting of care' },
  substancesMissing: {
    id: 'admission.requestErrors.substancesMissing',
    defaultMessage: 'Record at least the primary substance',
  },
  effectiveOnFormat: {
    id: 'admission.requestErrors.effectiveOnFormat',
    defaultMessage: 'Enter the date of the change as YYYY-MM-DD',
  },
  direction: {
    id: 'admission.requestErrors.direction',
    defaultMessage: 'Choose step-down, step-up or same intensity',
  },
  newSetting: { id: 'admission.requestErrors.newSetting', defaultMessage: 'Choose the new setting of care' },
  reasonMissing: {
    id: 'admission.requestErrors.reasonMissing',
    defaultMessage: 'Say why the level of care changes',
  },
  dischargedOnFormat: {
    id: 'admission.requestErrors.dischargedOnFormat',
    defaultMessage: 'Enter the discharge date as YYYY-MM-DD',
  },
  dischargeType: {
    id: 'admission.requestErrors.dischargeType',
    defaultMessage: 'Choose the type of discharge',
  },
  aftercarePlanTooLong: {
    id: 'admission.requestErrors.aftercarePlanTooLong',
    defaultMessage: 'Keep the plan under 10,000 characters',
  },
});

export const coreRequestMessages = { registration, episode };

/** Core's English field message → its descriptor, for the edge to word in the requester's language. */
export const coreRequestMessageByEnglish: ReadonlyMap<string, ErrorMessageDescriptor> = new Map(
  [...Object.values(registration), ...Object.values(episode)].map((descriptor) => [
    descriptor.defaultMessage,
    descriptor,
  ]),
);
