import { defineMessages } from 'react-intl';

export { redisclosureNotice, redisclosureStatement } from '@tandem/core/consent/redisclosure-notice';

/**
 * Translations of the notices 42 CFR 2.32 requires with every disclosure. The law's text is English: the English
 * of these messages is that official text word for word (redisclosure-notice.test.ts holds them to core's), so the
 * catalogue check flags a translation whose official text has changed. A translation is shown beside the official
 * text, never instead of it (RedisclosureNotice).
 */
export const redisclosureTranslations = defineMessages({
  notice: {
    id: 'disclosures.redisclosureNotice.notice',
    description: '42 CFR 2.32(a)(2), the abbreviated notice: official text, to be translated faithfully',
    defaultMessage: '42 CFR part 2 prohibits unauthorized use or disclosure of these records.',
  },
  statement: {
    id: 'disclosures.redisclosureNotice.statement',
    description: '42 CFR 2.32(a)(1), the full notice: official text, to be translated faithfully',
    defaultMessage:
      'This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2). These rules prohibit you from using or disclosing this record, or testimony that describes the information contained in this record, in any civil, criminal, administrative, or legislative proceedings by any Federal, State, or local authority, against the patient, unless authorized by the consent of the patient, except as provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, the Federal rules prohibit you from making any other use or disclosure of this record unless at least one of the following applies: (i) Further use or disclosure is expressly permitted by the written consent of the individual whose information is being disclosed in this record or as otherwise permitted by 42 CFR part 2. (ii) You are a covered entity or business associate and have received the record for treatment, payment, or health care operations, or (iii) You have received the record from a covered entity or business associate as permitted by 45 CFR part 164, subparts A and E. A general authorization for the release of medical or other information is NOT sufficient to meet the required elements of written consent to further use or redisclose the record (see 42 CFR 2.31).',
  },
});

/** English readers read the official text alone; any other reader reads it with its translation. */
export function readsOfficialLanguage(locale: string): boolean {
  return locale === 'en' || locale.startsWith('en-');
}
