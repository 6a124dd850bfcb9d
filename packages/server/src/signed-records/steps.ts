import {
  type Check,
  DomainError,
  mayAddAddendum,
  mayAmend,
  mayEditDraft,
  type SignedRecordStatus,
  statusAfterSigning,
} from '@tandem/core';
import { Refusal, staleVersion } from '../records/refusal.ts';
import type { UnitOfWork } from '../records/unit-of-work.ts';
import { signedRecordErrors, signedRecordRefusals } from './errors.ts';
import type { Content, SignedRecordRepository, VersionRow } from './repository.ts';

/** What a refusal answers with: the record as it is after the rollback. */
type Current = () => Promise<unknown>;

export interface LockedVersion {
  record: { id: string; patientId: string; recordType: string };
  version: VersionRow;
}

export function refuseUnless(
  check: Check,
  code: 'conflict' | 'forbidden' | 'invalid_input' = 'conflict',
): void {
  if (!check.ok) throw new DomainError(code, signedRecordRefusals[check.refusal]);
}

/** The unique indexes that refuse a second amendment of the same version (answered 409 with `current`). */
export function amendmentConflicts(current: Current) {
  return {
    signed_record_versions_one_draft: {
      message: signedRecordErrors.alreadyAmending,
      current,
    },
    signed_record_versions_pkey: {
      message: signedRecordErrors.amendedMeanwhile,
      current,
    },
  };
}

/**
 * The steps of the signed-record kernel, each inside the caller's unit of work: the generic service
 * (signed-records/service.ts) and a feature that keeps its own table beside its signed versions (consents) make
 * records the same way. The steps change and refuse; auditing is the caller's, in the words of its resource.
 */
export function signedRecordSteps(repository: SignedRecordRepository) {
  /** A record and one of its versions, the version locked until the unit ends (signers queue on it). */
  async function locked(unit: UnitOfWork, recordId: string, number: number): Promise<LockedVersion> {
    const record = await repository.record(unit.trx, unit.organizationId, recordId);
    const version = await repository.lockVersion(unit.trx, unit.organizationId, recordId, number);
    if (record === undefined || version === undefined)
      throw new DomainError('not_found', signedRecordErrors.noSuchVersion);
    return { record, version };
  }

  return {
    locked,

    /** The latest version, locked. */
    async lockedLatest(unit: UnitOfWork, recordId: string): Promise<LockedVersion> {
      return locked(unit, recordId, await repository.latestNumber(unit.trx, unit.organizationId, recordId));
    },

    /** Starts a record as its first draft, written by the caller; returns the record's id. */
    async startDraft(
      unit: UnitOfWork,
      draft: { patientId: string; recordType: string; content: Content },
    ): Promise<string> {
      const userId = unit.context.principal.userId;
      const id = await repository.insertRecord(unit.trx, {
        organizationId: unit.organizationId,
        patientId: draft.patientId,
        recordType: draft.recordType,
        createdByUserId: userId,
      });
      await repository.insertVersion(unit.trx, {
        organizationId: unit.organizationId,
        recordId: id,
        number: 1,
        content: draft.content,
        authorUserId: userId,
        reason: null,
      });
      return id;
    },

    /**
     * Opens an amendment of the latest version, which must be signed: a new draft with the reason. Returns the
     * version it amends (locked) and the new version's number.
     */
    async openAmendment(
      unit: UnitOfWork,
      recordId: string,
      reason: string,
      content: Content,
    ): Promise<LockedVersion & { number: number }> {
      const latest = await repository.latestNumber(unit.trx, unit.organizationId, recordId);
      const amended = await locked(unit, recordId, latest);
      const status = amended.version.status;
      refuseUnless(mayAmend(amended.version, reason), status === 'signed' ? 'invalid_input' : 'conflict');
      await repository.insertVersion(unit.trx, {
        organizationId: unit.organizationId,
        recordId,
        number: latest + 1,
        content,
        authorUserId: unit.context.principal.userId,
        reason: reason.trim(),
      });
      return { ...amended, number: latest + 1 };
    },

    /**
     * The author signs their draft at the revision they read: locked at once, or awaiting a co-signature where
     * `cosignatureRequired`. Signing an amendment supersedes the versions before it. A draft signed meanwhile is
     * answered 409 with `current`.
     */
    async signDraft(
      unit: UnitOfWork,
      recordId: string,
      number: number,
      revision: number,
      options: { cosignatureRequired: boolean; current?: Current },
    ): Promise<{ record: LockedVersion['record']; status: SignedRecordStatus }> {
      const { record, version } = await locked(unit, recordId, number);
      if (version.status !== 'draft') {
        throw new Refusal('conflict', signedRecordRefusals.not_a_draft, { current: options.current });
      }
      refuseUnless(mayEditDraft(version, unit.context.principal.userId), 'forbidden');
      const status = statusAfterSigning(options.cosignatureRequired);
      const signedNow = await repository.sign(
        unit.trx,
        { organizationId: unit.organizationId, recordId, number },
        revision,
        { userId: unit.context.principal.userId, status, cosignatureRequired: options.cosignatureRequired },
      );
      if (!signedNow)
        staleVersion(signedRecordErrors.draftChanged, options.current ?? (async () => undefined));
      if (number > 1) await repository.supersedeBefore(unit.trx, unit.organizationId, recordId, number);
      return { record, status };
    },

    /** A dated addendum to a signed version, signed by the caller; returns its id. */
    async addAddendum(unit: UnitOfWork, recordId: string, number: number, text: string) {
      const { record, version } = await locked(unit, recordId, number);
      refuseUnless(mayAddAddendum(version));
      const id = await repository.insertAddendum(unit.trx, {
        organizationId: unit.organizationId,
        recordId,
        versionNumber: number,
        text: text.trim(),
        signedByUserId: unit.context.principal.userId,
      });
      return { record, id };
    },
  };
}

export type SignedRecordSteps = ReturnType<typeof signedRecordSteps>;
