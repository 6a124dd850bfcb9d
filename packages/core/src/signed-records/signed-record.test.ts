import { describe, expect, it } from 'vitest';
import {
  mayAddAddendum,
  mayAmend,
  mayCosign,
  mayEditDraft,
  type SignedRecordVersionState,
  statusAfterSigning,
} from './signed-record.ts';

const draft: SignedRecordVersionState = { status: 'draft', authorUserId: 'casey', signedByUserId: null };
const signed: SignedRecordVersionState = { status: 'signed', authorUserId: 'casey', signedByUserId: 'casey' };
const awaiting: SignedRecordVersionState = { ...signed, status: 'awaiting_cosignature' };

describe('signed records', () => {
  it('lets only the author edit or sign a draft, and nobody a signed version', () => {
    expect(mayEditDraft(draft, 'casey')).toEqual({ ok: true });
    expect(mayEditDraft(draft, 'priya')).toEqual({ ok: false, refusal: 'not_the_author' });
    expect(mayEditDraft(signed, 'casey')).toEqual({ ok: false, refusal: 'not_a_draft' });
  });

  it('waits for a co-signature only where the organization requires one', () => {
    expect(statusAfterSigning(true)).toBe('awaiting_cosignature');
    expect(statusAfterSigning(false)).toBe('signed');
  });

  it('takes a co-signature from a supervisor other than the signer', () => {
    expect(mayCosign(awaiting, { userId: 'sam', isSupervisor: true })).toEqual({ ok: true });
    expect(mayCosign(awaiting, { userId: 'casey', isSupervisor: true })).toEqual({
      ok: false,
      refusal: 'cosigner_is_signer',
    });
    expect(mayCosign(awaiting, { userId: 'priya', isSupervisor: false })).toEqual({
      ok: false,
      refusal: 'cosigner_not_supervisor',
    });
    expect(mayCosign(signed, { userId: 'sam', isSupervisor: true })).toEqual({
      ok: false,
      refusal: 'not_awaiting_cosignature',
    });
  });

  it('amends only a signed version, and only with a reason', () => {
    expect(mayAmend(signed, 'Wrong dose written')).toEqual({ ok: true });
    expect(mayAmend(signed, ' ')).toEqual({ ok: false, refusal: 'amendment_needs_reason' });
    expect(mayAmend(draft, 'Wrong dose written')).toEqual({ ok: false, refusal: 'not_signed' });
  });

  it('adds addenda to signed versions, also while a co-signature is pending', () => {
    expect(mayAddAddendum(signed).ok).toBe(true);
    expect(mayAddAddendum(awaiting).ok).toBe(true);
    expect(mayAddAddendum(draft).ok).toBe(false);
  });
});
