import type { SignedRecordStatus } from '@tandem/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';

type Executor = Kysely<DB> | Transaction<DB>;
export type Content = Record<string, unknown>;

function versionsQuery(db: Executor, organizationId: string, recordId: string) {
  return db
    .selectFrom('signedRecordVersions as v')
    .innerJoin('users as author', 'author.id', 'v.authorUserId')
    .leftJoin('users as signer', 'signer.id', 'v.signedByUserId')
    .leftJoin('users as cosigner', 'cosigner.id', 'v.cosignedByUserId')
    .select([
      'v.number',
      'v.status',
      'v.content',
      'v.authorUserId',
      'author.name as authorName',
      'v.reason',
      'v.createdAt',
      'v.updatedAt',
      'v.revision',
      'v.signedAt',
      'v.signedByUserId',
      'signer.name as signedByName',
      'v.cosignatureRequired',
      'v.cosignedAt',
      'cosigner.name as cosignedByName',
      'v.supersededAt',
    ])
    .where('v.organizationId', '=', organizationId)
    .where('v.recordId', '=', recordId);
}

export type VersionRow = Omit<
  Awaited<ReturnType<ReturnType<typeof versionsQuery>['execute']>>[number],
  'status' | 'content'
> & { status: SignedRecordStatus; content: Content };

const asVersion = (
  row: Awaited<ReturnType<ReturnType<typeof versionsQuery>['execute']>>[number],
): VersionRow => ({
  ...row,
  status: row.status as SignedRecordStatus,
  content: row.content as Content,
});

/** The only SQL on signed records. Rows are never deleted; versions only move forward (migration 0017). */
export function signedRecordRepository(db: Kysely<DB>) {
  return {
    db,

    async record(executor: Executor, organizationId: string, recordId: string) {
      return executor
        .selectFrom('signedRecords')
        .select(['id', 'patientId', 'recordType', 'createdAt'])
        .where('organizationId', '=', organizationId)
        .where('id', '=', recordId)
        .executeTakeFirst();
    },

    async insertRecord(
      trx: Transaction<DB>,
      record: { organizationId: string; patientId: string; recordType: string; createdByUserId: string },
    ): Promise<string> {
      const row = await trx
        .insertInto('signedRecords')
        .values(record)
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async insertVersion(
      trx: Transaction<DB>,
      version: {
        organizationId: string;
        recordId: string;
        number: number;
        content: Content;
        authorUserId: string;
        reason: string | null;
      },
    ): Promise<void> {
      await trx
        .insertInto('signedRecordVersions')
        .values({ ...version, status: 'draft', content: JSON.stringify(version.content) })
        .execute();
    },

    async versions(executor: Executor, organizationId: string, recordId: string): Promise<VersionRow[]> {
      return (await versionsQuery(executor, organizationId, recordId).orderBy('v.number').execute()).map(
        asVersion,
      );
    },

    /** One version, locked until the transaction ends (signers and co-signers queue on it). */
    async lockVersion(trx: Transaction<DB>, organizationId: string, recordId: string, number: number) {
      const row = await versionsQuery(trx, organizationId, recordId)
        .where('v.number', '=', number)
        .forUpdate('v')
        .executeTakeFirst();
      return row === undefined ? undefined : asVersion(row);
    },

    async latestNumber(executor: Executor, organizationId: string, recordId: string): Promise<number> {
      const row = await executor
        .selectFrom('signedRecordVersions')
        .select((eb) => eb.fn.max('number').as('latest'))
        .where('organizationId', '=', organizationId)
        .where('recordId', '=', recordId)
        .executeTakeFirst();
      return Number(row?.latest ?? 0);
    },

    /** Saves a draft at the revision its author read; false when someone saved since (or it was signed). */
    async saveDraft(
      trx: Transaction<DB>,
      key: { organizationId: string; recordId: string; number: number },
      revision: number,
      content: Content,
    ): Promise<boolean> {
      const row = await trx
        .updateTable('signedRecordVersions')
        .set({
          content: JSON.stringify(content),
          revision: sql<number>`revision + 1`,
          updatedAt: sql<Date>`now()`,
        })
        .where('organizationId', '=', key.organizationId)
        .where('recordId', '=', key.recordId)
        .where('number', '=', key.number)
        .where('status', '=', 'draft')
        .where('revision', '=', revision)
        .returning('number')
        .executeTakeFirst();
      return row !== undefined;
    },

    async sign(
      trx: Transaction<DB>,
      key: { organizationId: string; recordId: string; number: number },
      revision: number,
      signer: { userId: string; status: SignedRecordStatus; cosignatureRequired: boolean },
    ): Promise<boolean> {
      const row = await trx
        .updateTable('signedRecordVersions')
        .set({
          status: signer.status,
          signedAt: sql<Date>`now()`,
          signedByUserId: signer.userId,
          cosignatureRequired: signer.cosignatureRequired,
          revision: sql<number>`revision + 1`,
          updatedAt: sql<Date>`now()`,
        })
        .where('organizationId', '=', key.organizationId)
        .where('recordId', '=', key.recordId)
        .where('number', '=', key.number)
        .where('status', '=', 'draft')
        .where('revision', '=', revision)
        .returning('number')
        .executeTakeFirst();
      return row !== undefined;
    },

    async cosign(
      trx: Transaction<DB>,
      key: { organizationId: string; recordId: string; number: number },
      userId: string,
    ): Promise<void> {
      await trx
        .updateTable('signedRecordVersions')
        .set({
          status: 'signed',
          cosignedAt: sql<Date>`now()`,
          cosignedByUserId: userId,
          updatedAt: sql<Date>`now()`,
        })
        .where('organizationId', '=', key.organizationId)
        .where('recordId', '=', key.recordId)
        .where('number', '=', key.number)
        .where('status', '=', 'awaiting_cosignature')
        .execute();
    },

    /** Marks every signed version before `number` superseded. */
    async supersedeBefore(trx: Transaction<DB>, organizationId: string, recordId: string, number: number) {
      await trx
        .updateTable('signedRecordVersions')
        .set({ status: 'superseded', supersededAt: sql<Date>`now()`, updatedAt: sql<Date>`now()` })
        .where('organizationId', '=', organizationId)
        .where('recordId', '=', recordId)
        .where('number', '<', number)
        .where('status', '=', 'signed')
        .execute();
    },

    async insertAddendum(
      trx: Transaction<DB>,
      addendum: {
        organizationId: string;
        recordId: string;
        versionNumber: number;
        text: string;
        signedByUserId: string;
      },
    ): Promise<string> {
      const row = await trx
        .insertInto('signedRecordAddenda')
        .values(addendum)
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async addenda(executor: Executor, organizationId: string, recordId: string) {
      return executor
        .selectFrom('signedRecordAddenda as a')
        .innerJoin('users as u', 'u.id', 'a.signedByUserId')
        .select(['a.id', 'a.versionNumber', 'a.text', 'a.signedAt', 'u.name as signedByName'])
        .where('a.organizationId', '=', organizationId)
        .where('a.recordId', '=', recordId)
        .orderBy('a.signedAt')
        .orderBy('a.id')
        .execute();
    },

    async cosignatureRequired(
      executor: Executor,
      organizationId: string,
      recordType: string,
    ): Promise<boolean> {
      const row = await executor
        .selectFrom('organizations')
        .select(sql<boolean>`${recordType} = ANY(cosignature_required_record_types)`.as('required'))
        .where('id', '=', organizationId)
        .executeTakeFirstOrThrow();
      return row.required;
    },
  };
}

export type SignedRecordRepository = ReturnType<typeof signedRecordRepository>;
