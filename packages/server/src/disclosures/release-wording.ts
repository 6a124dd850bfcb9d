import { defineMessages } from '@formatjs/intl';
import type { DisclosureCategory } from '@tandem/core';

type NoValues = Record<never, never>;

/**
 * The printed release's words. The 42 CFR 2.32 notices are the law's English: their messages' English is that
 * official text word for word (release-wording.test.ts holds them to core's), and a reader of another language
 * gets the official text and, beneath it, the translation, each labelled; never the translation alone.
 */
export const releaseWords = defineMessages<{
  title: NoValues;
  noticeHeading: NoValues;
  officialText: NoValues;
  translation: NoValues;
  notice: NoValues;
  statement: NoValues;
  patient: NoValues;
  dateOfBirth: NoValues;
  mrn: NoValues;
  releasedTo: NoValues;
  released: NoValues;
  releasedValue: { when: string; name: string };
  scopeHeading: NoValues;
  scope: {
    signedOn: string;
    categories: string;
    recipient: string;
    purpose: string;
    ends: 'date' | 'event' | 'both' | 'none';
    startsOn: string;
    expiresOn: string;
    expiryEvent: string;
  };
  signed: { typedName: string; signedAt: string; witness: string; consentId: string };
  nothingRecorded: NoValues;
  footer: { page: number; pages: number; consentId: string };
}>({
  title: { id: 'release.title', defaultMessage: 'Release of information' },
  noticeHeading: { id: 'release.noticeHeading', defaultMessage: 'NOTICE TO THE RECIPIENT (42 CFR 2.32)' },
  officialText: { id: 'release.officialText', defaultMessage: 'Official text (English)' },
  translation: { id: 'release.translation', defaultMessage: 'Translation' },
  notice: {
    id: 'release.notice',
    description: '42 CFR 2.32(a)(2), the abbreviated notice: official text, to be translated faithfully',
    defaultMessage: '42 CFR part 2 prohibits unauthorized use or disclosure of these records.',
  },
  statement: {
    id: 'release.statement',
    description: '42 CFR 2.32(a)(1), the full notice: official text, to be translated faithfully',
    defaultMessage:
      'This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2). These rules prohibit you from using or disclosing this record, or testimony that describes the information contained in this record, in any civil, criminal, administrative, or legislative proceedings by any Federal, State, or local authority, against the patient, unless authorized by the consent of the patient, except as provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, the Federal rules prohibit you from making any other use or disclosure of this record unless at least one of the following applies: (i) Further use or disclosure is expressly permitted by the written consent of the individual whose information is being disclosed in this record or as otherwise permitted by 42 CFR part 2. (ii) You are a covered entity or business associate and have received the record for treatment, payment, or health care operations, or (iii) You have received the record from a covered entity or business associate as permitted by 45 CFR part 164, subparts A and E. A general authorization for the release of medical or other information is NOT sufficient to meet the required elements of written consent to further use or redisclose the record (see 42 CFR 2.31).',
  },
  patient: { id: 'release.patient', defaultMessage: 'Patient' },
  dateOfBirth: { id: 'release.dateOfBirth', defaultMessage: 'Date of birth' },
  mrn: { id: 'release.mrn', defaultMessage: 'Medical record number' },
  releasedTo: { id: 'release.releasedTo', defaultMessage: 'Released to' },
  released: { id: 'release.released', defaultMessage: 'Released' },
  releasedValue: { id: 'release.releasedValue', defaultMessage: '{when} by {name}' },
  scopeHeading: { id: 'release.scopeHeading', defaultMessage: 'Scope of the patient’s consent' },
  scope: {
    id: 'release.scope',
    description: '42 CFR 2.32(b): what the consent allows, printed with every release',
    defaultMessage:
      'The patient consented in writing on {signedOn} to share {categories} with {recipient}, for this purpose: {purpose}. {ends, select, date {The consent is in effect from {startsOn} until the end of {expiresOn}.} event {The consent is in effect from {startsOn} until {expiryEvent}.} both {The consent is in effect from {startsOn} until the end of {expiresOn} or until {expiryEvent}, whichever comes first.} other {The consent is in effect from {startsOn}.}} The patient may revoke it at any time.',
  },
  signed: {
    id: 'release.signed',
    defaultMessage: 'Signed “{typedName}” on {signedAt}, witnessed by {witness}. Consent {consentId}.',
  },
  nothingRecorded: { id: 'release.nothingRecorded', defaultMessage: 'Nothing recorded yet.' },
  footer: {
    id: 'release.footer',
    defaultMessage: 'Page {page} of {pages}  ·  Release under consent {consentId}',
  },
});

/** Each category as a heading, and as words inside the scope's sentence. */
export const categoryHeadings: Record<DisclosureCategory, { id: string; defaultMessage: string }> =
  defineMessages({
    attendance: { id: 'release.category.attendance', defaultMessage: 'Attendance and appointments' },
    diagnosis: { id: 'release.category.diagnosis', defaultMessage: 'Diagnoses' },
    medications: { id: 'release.category.medications', defaultMessage: 'Medications' },
    drug_test_results: { id: 'release.category.drugTestResults', defaultMessage: 'Drug test results' },
    progress_notes_summary: {
      id: 'release.category.progressNotesSummary',
      defaultMessage: 'Summary of progress (not psychotherapy notes)',
    },
    treatment_plan: { id: 'release.category.treatmentPlan', defaultMessage: 'Treatment plan' },
  });

export const categoriesInSentence: Record<DisclosureCategory, { id: string; defaultMessage: string }> =
  defineMessages({
    attendance: {
      id: 'release.categoryInSentence.attendance',
      defaultMessage: 'attendance and appointments',
    },
    diagnosis: { id: 'release.categoryInSentence.diagnosis', defaultMessage: 'diagnoses' },
    medications: { id: 'release.categoryInSentence.medications', defaultMessage: 'medications' },
    drug_test_results: {
      id: 'release.categoryInSentence.drugTestResults',
      defaultMessage: 'drug test results',
    },
    progress_notes_summary: {
      id: 'release.categoryInSentence.progressNotesSummary',
      defaultMessage: 'a summary of progress (not psychotherapy notes)',
    },
    treatment_plan: { id: 'release.categoryInSentence.treatmentPlan', defaultMessage: 'the treatment plan' },
  });
