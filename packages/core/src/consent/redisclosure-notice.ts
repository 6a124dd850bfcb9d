import type { DisclosureCategory } from '../access/resources.ts';
import { disclosureCategoryLabels } from './categories.ts';

/*
 * The notices that must accompany every disclosure made with the patient's written consent.
 * Source: eCFR, 42 CFR 2.32 "Notice and copy of consent to accompany disclosure", as amended by the final rule
 * "Confidentiality of Substance Use Disorder (SUD) Patient Records", 89 FR 12472 (February 16, 2024).
 * §2.32(a) requires one of two statements, quoted here word for word (regulatory text, public domain); §2.32(b)
 * requires a copy of the consent or a clear explanation of its scope (consentScopeExplanation below).
 */

/** 42 CFR 2.32(a)(2), Statement 2: the abbreviated notice. Tandem attaches it to every disclosure. */
export const redisclosureNotice = '42 CFR part 2 prohibits unauthorized use or disclosure of these records.';

/** 42 CFR 2.32(a)(1), Statement 1: the full notice, shown alongside the abbreviated one where there is room. */
export const redisclosureStatement =
  'This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2). ' +
  'These rules prohibit you from using or disclosing this record, or testimony that describes the information ' +
  'contained in this record, in any civil, criminal, administrative, or legislative proceedings by any Federal, ' +
  'State, or local authority, against the patient, unless authorized by the consent of the patient, except as ' +
  'provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In ' +
  'addition, the Federal rules prohibit you from making any other use or disclosure of this record unless at ' +
  'least one of the following applies: (i) Further use or disclosure is expressly permitted by the written ' +
  'consent of the individual whose information is being disclosed in this record or as otherwise permitted by ' +
  '42 CFR part 2. (ii) You are a covered entity or business associate and have received the record for ' +
  'treatment, payment, or health care operations, or (iii) You have received the record from a covered entity ' +
  'or business associate as permitted by 45 CFR part 164, subparts A and E. A general authorization for the ' +
  'release of medical or other information is NOT sufficient to meet the required elements of written consent ' +
  'to further use or redisclose the record (see 42 CFR 2.31).';

export const redisclosureNoticeSource = 'eCFR 42 CFR 2.32, as amended by 89 FR 12472 (February 16, 2024)';

/** What a recipient is told about the consent a disclosure was made under (42 CFR 2.32(b)). */
export interface ConsentScope {
  recipientName: string;
  categories: readonly DisclosureCategory[];
  purpose: string;
  /** When the patient signed (a calendar date in the program's time zone). */
  signedOn: string;
  startsOn: string;
  expiresOn: string | null;
  expiryEvent: string | null;
}

/** A clear explanation of the scope of the consent, in plain sentences. */
export function consentScopeExplanation(scope: ConsentScope): string {
  const what = scope.categories.map((category) => disclosureCategoryLabels[category].toLowerCase());
  const until = [
    scope.expiresOn === null ? null : `until the end of ${scope.expiresOn}`,
    scope.expiryEvent === null ? null : `until ${scope.expiryEvent}`,
  ]
    .filter((part): part is string => part !== null)
    .join(' or ');
  return (
    `The patient consented in writing on ${scope.signedOn} to share ${listInWords(what)} with ` +
    `${scope.recipientName}, for this purpose: ${scope.purpose.trim().replace(/[.\s]+$/, '')}. ` +
    `The consent is in effect from ${scope.startsOn} ${until}${scope.expiresOn !== null && scope.expiryEvent !== null ? ', whichever comes first' : ''}. ` +
    'The patient may revoke it at any time.'
  );
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
