/**
 * Signed clinical records: a note, a plan, a scored measure or an order is written as a draft, then signed and
 * locked. After that it changes only by a new version (with the reason, shown as a field-by-field difference from
 * the last) or by a dated, signed addendum; where the organization requires it, a supervisor co-signs. Nothing is
 * deleted or rewritten. These are the pure rules; the server's signed-record kernel applies them in one
 * transaction and the database refuses anything else.
 */

export const signedRecordStatuses = [
  /** Being written: its author may change it freely (each save an optimistic version). */
  'draft',
  /** Signed by its author, waiting for a supervisor's co-signature the organization requires. */
  'awaiting_cosignature',
  /** Signed (and co-signed where required): locked. */
  'signed',
  /** A later version replaced it; kept as it was. */
  'superseded',
] as const;
export type SignedRecordStatus = (typeof signedRecordStatuses)[number];

export interface SignedRecordVersionState {
  status: SignedRecordStatus;
  authorUserId: string;
  signedByUserId: string | null;
}

export type SignedRecordRefusal =
  | 'not_a_draft'
  | 'not_the_author'
  | 'not_awaiting_cosignature'
  | 'cosigner_is_signer'
  | 'cosigner_not_supervisor'
  | 'not_signed'
  | 'amendment_needs_reason';

export const signedRecordRefusalMessages: Record<SignedRecordRefusal, string> = {
  not_a_draft: 'This version is signed and locked: amend it with a new version or add an addendum.',
  not_the_author: 'Only the author of a draft edits or signs it.',
  not_awaiting_cosignature: 'This version is not waiting for a co-signature.',
  cosigner_is_signer: 'A co-signature comes from someone other than the signer.',
  cosigner_not_supervisor: 'Only a clinical supervisor co-signs.',
  not_signed: 'Only a signed version can be amended or given an addendum.',
  amendment_needs_reason: 'Say why the signed version is being changed.',
};

export type Check = { ok: true } | { ok: false; refusal: SignedRecordRefusal };
const ok: Check = { ok: true };
const refuse = (refusal: SignedRecordRefusal): Check => ({ ok: false, refusal });

/** A draft is edited, and signed, by its author only. */
export function mayEditDraft(version: SignedRecordVersionState, userId: string): Check {
  if (version.status !== 'draft') return refuse('not_a_draft');
  if (version.authorUserId !== userId) return refuse('not_the_author');
  return ok;
}

/** What signing a draft leads to: locked at once, or waiting for a supervisor where the organization requires it. */
export function statusAfterSigning(cosignatureRequired: boolean): SignedRecordStatus {
  return cosignatureRequired ? 'awaiting_cosignature' : 'signed';
}

/** A co-signature: by a clinical supervisor who did not sign it themselves. */
export function mayCosign(
  version: SignedRecordVersionState,
  cosigner: { userId: string; isSupervisor: boolean },
): Check {
  if (version.status !== 'awaiting_cosignature') return refuse('not_awaiting_cosignature');
  if (!cosigner.isSupervisor) return refuse('cosigner_not_supervisor');
  if (version.signedByUserId === cosigner.userId) return refuse('cosigner_is_signer');
  return ok;
}

/** Amending (a new version) or adding an addendum needs a signed version; an amendment also needs a reason. */
export function mayAmend(version: SignedRecordVersionState, reason: string | null): Check {
  if (version.status !== 'signed') return refuse('not_signed');
  if (reason === null || reason.trim().length < 3) return refuse('amendment_needs_reason');
  return ok;
}

export function mayAddAddendum(version: SignedRecordVersionState): Check {
  return version.status === 'signed' || version.status === 'awaiting_cosignature' ? ok : refuse('not_signed');
}
