import {
  DomainError,
  type FieldChange,
  fieldDifference,
  mayCosign,
  mayEditDraft,
  type SignedRecordStatus,
} from '@tandem/core';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import { Refusal, staleVersion } from '../records/refusal.ts';
import type { RecordKernel, UnitOfWork } from '../records/unit-of-work.ts';
import { signedRecordErrors, signedRecordRefusals } from './errors.ts';
import type { Content, SignedRecordRepository, VersionRow } from './repository.ts';
import { amendmentConflicts, refuseUnless, signedRecordSteps } from './steps.ts';

export interface SignedRecordVersion {
  number: number;
  status: SignedRecordStatus;
  content: Content;
  authorName: string;
  reason: string | null;
  revision: number;
  signedAt: string | null;
  signedByName: string | null;
  cosignatureRequired: boolean;
  cosignedAt: string | null;
  cosignedByName: string | null;
  /** What this version changed from the one before it (none for the first). */
  changes: FieldChange[];
}

export interface SignedRecord {
  id: string;
  patientId: string;
  recordType: string;
  versions: SignedRecordVersion[];
  addenda: { id: string; versionNumber: number; text: string; signedAt: string; signedByName: string }[];
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/**
 * The signed-record kernel: draft, sign, co-sign, amend with a reason, add an addendum, read the history with what
 * each version changed. A feature (notes, plans, measures, orders) validates its content with its own schema and
 * calls these inside its routes; every step is one audited unit of work, and the database refuses every rewrite.
 * `labels` names the content's fields for the differences ("Goal", "Frequency").
 */
export function signedRecordService(
  records: RecordKernel,
  repository: SignedRecordRepository,
  labels: Readonly<Record<string, Readonly<Record<string, string>>>> = {},
) {
  const { db } = records;
  const steps = signedRecordSteps(repository);

  async function read(context: RecordContext, recordId: string): Promise<SignedRecord> {
    const organizationId = organizationOf(context);
    const record = await repository.record(db, organizationId, recordId);
    if (record === undefined) throw new DomainError('not_found', signedRecordErrors.noSuchRecord);
    const rows = await repository.versions(db, organizationId, recordId);
    const names = labels[record.recordType] ?? {};
    return {
      id: record.id,
      patientId: record.patientId,
      recordType: record.recordType,
      versions: rows.map((row, index) => toVersion(row, index === 0 ? undefined : rows[index - 1], names)),
      addenda: (await repository.addenda(db, organizationId, recordId)).map((addendum) => ({
        ...addendum,
        signedAt: new Date(addendum.signedAt).toISOString(),
      })),
    };
  }

  const audited = (
    unit: UnitOfWork,
    record: { id: string; patientId: string; recordType: string },
    action: 'create' | 'update' | 'sign',
    fieldsChanged: readonly string[] | null,
    reason: string | null = null,
  ) =>
    unit.audit({
      action,
      patientId: record.patientId,
      resourceType: record.recordType,
      resourceId: record.id,
      fieldsChanged,
      reason,
    });

  return {
    read,

    /** Starts a record as its first draft, written by the caller. */
    async createDraft(
      context: RecordContext,
      draft: { patientId: string; recordType: string; content: Content },
    ): Promise<SignedRecord> {
      const recordId = await records.write(context, async (unit) => {
        const id = await steps.startDraft(unit, draft);
        audited(unit, { id, ...draft }, 'create', Object.keys(draft.content));
        return id;
      });
      return read(context, recordId);
    },

    /** Saves the author's draft at the revision they read (409 with the draft as it is now when stale). */
    async saveDraft(
      context: RecordContext,
      recordId: string,
      number: number,
      revision: number,
      content: Content,
    ): Promise<SignedRecord> {
      await records.write(context, async (unit) => {
        const { record, version } = await steps.locked(unit, recordId, number);
        refuseUnless(
          mayEditDraft(version, context.principal.userId),
          version.status === 'draft' ? 'forbidden' : 'conflict',
        );
        const saved = await repository.saveDraft(
          unit.trx,
          { organizationId: unit.organizationId, recordId, number },
          revision,
          content,
        );
        if (!saved) staleVersion(signedRecordErrors.draftSavedMeanwhile, () => read(context, recordId));
        audited(
          unit,
          record,
          'update',
          fieldDifference(version.content, content).map((change) => change.path),
        );
      });
      return read(context, recordId);
    },

    /**
     * The author signs their draft: locked at once, or awaiting a supervisor's co-signature where the
     * organization requires it for this record type. Signing an amendment supersedes the version it replaces.
     * Two signing at once: one signs, the other is answered 409 with the signed record.
     */
    async sign(
      context: RecordContext,
      recordId: string,
      number: number,
      revision: number,
    ): Promise<SignedRecord> {
      await records.write(context, async (unit) => {
        const found = await repository.record(unit.trx, unit.organizationId, recordId);
        if (found === undefined) throw new DomainError('not_found', signedRecordErrors.noSuchVersion);
        const cosignatureRequired = await repository.cosignatureRequired(
          unit.trx,
          unit.organizationId,
          found.recordType,
        );
        const { record } = await steps.signDraft(unit, recordId, number, revision, {
          cosignatureRequired,
          current: () => read(context, recordId),
        });
        audited(unit, record, 'sign', null);
      });
      return read(context, recordId);
    },

    /** A clinical supervisor, other than the signer, co-signs a version that waits for it. */
    async cosign(context: RecordContext, recordId: string, number: number): Promise<SignedRecord> {
      await records.write(context, async (unit) => {
        const { record, version } = await steps.locked(unit, recordId, number);
        const check = mayCosign(version, {
          userId: context.principal.userId,
          isSupervisor: context.principal.role === 'supervisor',
        });
        if (!check.ok && check.refusal === 'not_awaiting_cosignature') {
          throw new Refusal('conflict', signedRecordRefusals.not_awaiting_cosignature, {
            current: () => read(context, recordId),
          });
        }
        refuseUnless(check, 'forbidden');
        await repository.cosign(
          unit.trx,
          { organizationId: unit.organizationId, recordId, number },
          context.principal.userId,
        );
        audited(unit, record, 'sign', ['cosignedAt'], 'co-signature');
      });
      return read(context, recordId);
    },

    /**
     * Opens an amendment of the latest signed version: a new draft (starting from its content) with the reason,
     * written by the caller. One amendment at a time: a second is answered 409 with the record.
     */
    async amend(
      context: RecordContext,
      recordId: string,
      reason: string,
      content: Content,
    ): Promise<SignedRecord> {
      await records.write(
        context,
        async (unit) => {
          const { record, version } = await steps.openAmendment(unit, recordId, reason, content);
          audited(
            unit,
            record,
            'update',
            fieldDifference(version.content, content).map((change) => change.path),
            reason.trim(),
          );
        },
        { conflicts: amendmentConflicts(() => read(context, recordId)) },
      );
      return read(context, recordId);
    },

    /** A dated, signed addendum to a signed version: what was learned or corrected later, beside what was signed. */
    async addAddendum(
      context: RecordContext,
      recordId: string,
      number: number,
      text: string,
    ): Promise<SignedRecord> {
      await records.write(context, async (unit) => {
        const { record, id } = await steps.addAddendum(unit, recordId, number, text);
        audited(unit, record, 'sign', ['addendum'], `addendum ${id}`);
      });
      return read(context, recordId);
    },
  };
}

function toVersion(
  row: VersionRow,
  previous: VersionRow | undefined,
  names: Readonly<Record<string, string>>,
): SignedRecordVersion {
  return {
    number: row.number,
    status: row.status,
    content: row.content,
    authorName: row.authorName,
    reason: row.reason,
    revision: row.revision,
    signedAt: iso(row.signedAt),
    signedByName: row.signedByName,
    cosignatureRequired: row.cosignatureRequired,
    cosignedAt: iso(row.cosignedAt),
    cosignedByName: row.cosignedByName,
    changes: previous === undefined ? [] : fieldDifference(previous.content, row.content, names),
  };
}

export type SignedRecordService = ReturnType<typeof signedRecordService>;
