import { defineMessages } from '@formatjs/intl';
import type { ErrorMessage, SignedRecordRefusal } from '@tandem/core';

/** Core's refusals of a signed record (signedRecordRefusalMessages keeps their English), for people. */
export const signedRecordRefusals = defineMessages({
  not_a_draft: {
    id: 'signedRecords.errors.notADraft',
    defaultMessage: 'This version is signed and locked: amend it with a new version or add an addendum.',
  },
  not_the_author: {
    id: 'signedRecords.errors.notTheAuthor',
    defaultMessage: 'Only the author of a draft edits or signs it.',
  },
  not_awaiting_cosignature: {
    id: 'signedRecords.errors.notAwaitingCosignature',
    defaultMessage: 'This version is not waiting for a co-signature.',
  },
  cosigner_is_signer: {
    id: 'signedRecords.errors.cosignerIsSigner',
    defaultMessage: 'A co-signature comes from someone other than the signer.',
  },
  cosigner_not_supervisor: {
    id: 'signedRecords.errors.cosignerNotSupervisor',
    defaultMessage: 'Only a clinical supervisor co-signs.',
  },
  not_signed: {
    id: 'signedRecords.errors.notSigned',
    defaultMessage: 'Only a signed version can be amended or given an addendum.',
  },
  amendment_needs_reason: {
    id: 'signedRecords.errors.amendmentNeedsReason',
    defaultMessage: 'Say why the signed version is being changed.',
  },
}) satisfies Record<SignedRecordRefusal, ErrorMessage>;

export const signedRecordErrors = defineMessages({
  alreadyAmending: {
    id: 'signedRecords.errors.alreadyAmending',
    defaultMessage: 'Someone is already amending this record; finish or review that amendment.',
  },
  amendedMeanwhile: {
    id: 'signedRecords.errors.amendedMeanwhile',
    defaultMessage: 'Someone amended this record at the same moment; review their amendment.',
  },
  noSuchVersion: { id: 'signedRecords.errors.noSuchVersion', defaultMessage: 'No such record version.' },
  noSuchRecord: { id: 'signedRecords.errors.noSuchRecord', defaultMessage: 'No such record.' },
  draftChanged: {
    id: 'signedRecords.errors.draftChanged',
    defaultMessage: 'The draft changed since you read it; review it before signing.',
  },
  draftSavedMeanwhile: {
    id: 'signedRecords.errors.draftSavedMeanwhile',
    defaultMessage: 'Someone saved this draft meanwhile; here it is as it is now.',
  },
});
