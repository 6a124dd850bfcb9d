import {
  type ConsentRecipientKind,
  type ConsentSignedContent,
  consentStatusAt,
  type DisclosureCategory,
  disclosureCategories,
  type ProgramClock,
} from '@tandem/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import type { Consent } from './schemas.ts';

type Db = Kysely<DB> | Transaction<DB>;

export function toCategories(values: readonly string[]): DisclosureCategory[] {
  return disclosureCategories.filter((category) => values.includes(category));
}

function selectConsents(db: Db, organizationId: string, patientId: string) {
  return db
    .selectFrom('consents as c')
    .innerJoin('users as w', 'w.id', 'c.witnessedByUserId')
    .leftJoin('users as r', 'r.id', 'c.revokedByUserId')
    .select((eb) => [
      'c.id',
      'c.patientId',
      'c.recipientKind',
      'c.supportContactId',
      'c.recipientName',
      'c.categories',
      'c.purpose',
      'c.startsOn',
      'c.expiresOn',
      'c.expiryEvent',
      'c.signedName',
      'c.signedAt',
      'c.witnessedByUserId',
      'w.name as witnessName',
      'c.supersedesConsentId',
      eb
        .selectFrom('consents as n')
        .select('n.id')
        .whereRef('n.organizationId', '=', 'c.organizationId')
        .whereRef('n.supersedesConsentId', '=', 'c.id')
        .orderBy('n.createdAt')
        .limit(1)
        .as('supersededByConsentId'),
      'c.revokedAt',
      'c.revokedByUserId',
      'r.name as revokerName',
      'c.revocationReason',
      'c.version',
      'c.createdAt',
      'c.signedRecordId',
      'c.signedRecordVersion',
    ])
    .where('c.organizationId', '=', organizationId)
    .where('c.patientId', '=', patientId);
}

type ConsentRow = Awaited<ReturnType<ReturnType<typeof selectConsents>['executeTakeFirstOrThrow']>>;

function toConsent(row: ConsentRow, clock: ProgramClock): Consent {
  const revokedAt = row.revokedAt === null ? null : new Date(row.revokedAt);
  return {
    id: row.id,
    patientId: row.patientId,
    recipient: {
      kind: row.recipientKind as ConsentRecipientKind,
      supportContactId: row.supportContactId,
      name: row.recipientName,
    },
    categories: toCategories(row.categories),
    purpose: row.purpose,
    startsOn: row.startsOn,
    expiresOn: row.expiresOn,
    expiryEvent: row.expiryEvent,
    signature: { typedName: row.signedName, signedAt: new Date(row.signedAt).toISOString() },
    witnessedBy: { userId: row.witnessedByUserId, name: row.witnessName },
    supersedesConsentId: row.supersedesConsentId,
    supersededByConsentId: row.supersededByConsentId,
    revocation:
      revokedAt === null || row.revokedByUserId === null
        ? null
        : {
            revokedAt: revokedAt.toISOString(),
            revokedBy: { userId: row.revokedByUserId, name: row.revokerName ?? '' },
            reason: row.revocationReason,
          },
    status: consentStatusAt(
      {
        startsOn: row.startsOn,
        expiresOn: row.expiresOn,
        revokedAt,
        supersededByConsentId: row.supersededByConsentId,
      },
      clock.now,
      clock.timeZone,
    ),
    version: row.version,
    signedRecord: { id: row.signedRecordId, version: row.signedRecordVersion },
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

export interface NewConsentRow {
  recipientKind: ConsentRecipientKind;
  supportContactId: string | null;
  recipientName: string;
  categories: DisclosureCategory[];
  purpose: string;
  startsOn: string;
  expiresOn: string | null;
  expiryEvent: string | null;
  signedName: string;
  signedAt: Date;
  witnessedByUserId: string;
  supersedesConsentId: string | null;
}

/** A consents row is one signed version of its signed record (migration 0019 checks they agree). */
export interface SignedConsentRow extends NewConsentRow {
  signedRecordId: string;
  signedRecordVersion: number;
}

/** What the patient signed, as the content of its signed version (the shape migration 0019 builds). */
export function consentSignedContent(row: NewConsentRow): ConsentSignedContent {
  return {
    recipientKind: row.recipientKind,
    supportContactId: row.supportContactId,
    recipientName: row.recipientName,
    categories: row.categories,
    purpose: row.purpose,
    startsOn: row.startsOn,
    expiresOn: row.expiresOn,
    expiryEvent: row.expiryEvent,
    signedName: row.signedName,
    signedAt: row.signedAt.toISOString(),
  };
}

/**
 * The only SQL on consents. A consent is inserted once, as one signed version of its signed record, and afterwards only revoked
 * (triggers enforce both).
 * Statuses are judged by the program clock the caller read.
 */
export function consentRepository() {
  return {
    /** Every consent of the patient, every version, newest signature first. */
    async list(db: Db, organizationId: string, patientId: string, clock: ProgramClock): Promise<Consent[]> {
      const rows = await selectConsents(db, organizationId, patientId)
        .orderBy('c.signedAt', 'desc')
        .orderBy('c.createdAt', 'desc')
        .orderBy('c.id', 'desc')
        .execute();
      return rows.map((row) => toConsent(row, clock));
    },

    async find(
      executor: Db,
      organizationId: string,
      patientId: string,
      consentId: string,
      clock: ProgramClock,
    ): Promise<Consent | undefined> {
      const row = await selectConsents(executor, organizationId, patientId)
        .where('c.id', '=', consentId)
        .executeTakeFirst();
      return row === undefined ? undefined : toConsent(row, clock);
    },

    /** The patient's active support contact, locked against change while a consent naming it is written. */
    async activeSupportContact(
      trx: Transaction<DB>,
      organizationId: string,
      patientId: string,
      supportContactId: string,
    ): Promise<{ id: string; name: string } | undefined> {
      return trx
        .selectFrom('supportContacts')
        .select(['id', 'name'])
        .where('organizationId', '=', organizationId)
        .where('patientId', '=', patientId)
        .where('id', '=', supportContactId)
        .where('active', '=', true)
        .forShare()
        .executeTakeFirst();
    },

    /** The consent's current row, locked for the rest of the transaction (a supersession reads then revokes it). */
    async lockForChange(trx: Transaction<DB>, organizationId: string, patientId: string, consentId: string) {
      return trx
        .selectFrom('consents')
        .select(['id', 'version', 'revokedAt', 'signedRecordId', 'signedRecordVersion'])
        .where('organizationId', '=', organizationId)
        .where('patientId', '=', patientId)
        .where('id', '=', consentId)
        .forUpdate()
        .executeTakeFirst();
    },

    async insert(
      trx: Transaction<DB>,
      organizationId: string,
      patientId: string,
      consent: SignedConsentRow,
    ): Promise<string> {
      const row = await trx
        .insertInto('consents')
        .values({ organizationId, patientId, ...consent })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** The consents row of each version of a signed consent record. */
    async ofSignedRecord(executor: Db, organizationId: string, patientId: string, signedRecordId: string) {
      return executor
        .selectFrom('consents')
        .select(['id', 'signedRecordVersion'])
        .where('organizationId', '=', organizationId)
        .where('patientId', '=', patientId)
        .where('signedRecordId', '=', signedRecordId)
        .orderBy('signedRecordVersion')
        .execute();
    },

    /**
     * Revokes the consent if it is still unrevoked at `version`, returning its signed version; undefined means
     * stale, already revoked or gone.
     * The only change the consents trigger lets through.
     */
    async revoke(
      trx: Transaction<DB>,
      organizationId: string,
      patientId: string,
      consentId: string,
      revocation: { version: number; revokedByUserId: string; reason: string | null },
    ) {
      const row = await trx
        .updateTable('consents')
        .set({
          revokedAt: sql<Date>`now()`,
          revokedByUserId: revocation.revokedByUserId,
          revocationReason: revocation.reason,
          version: sql<number>`version + 1`,
          updatedAt: sql<Date>`now()`,
        })
        .where('organizationId', '=', organizationId)
        .where('patientId', '=', patientId)
        .where('id', '=', consentId)
        .where('version', '=', revocation.version)
        .where('revokedAt', 'is', null)
        .returning(['signedRecordId', 'signedRecordVersion'])
        .executeTakeFirst();
      return row;
    },
  };
}

export type ConsentRepository = ReturnType<typeof consentRepository>;
