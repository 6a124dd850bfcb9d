import { consentRecordType, type DisclosureCategory, normalizedCategories } from '@tandem/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import { consentSignedContent, type NewConsentRow } from '../consents/repository.ts';
import type { DB } from '../db/schema.generated.ts';

/**
 * A consent written straight to the database the way the consent service makes one (migration 0019 refuses any
 * other): a signed record of type `consent`, its first version signed by the witness, and the consents row of that
 * version. The demo seed and the test fixtures use it, so demo and test consents have the same history as the ones
 * recorded through the API. Dates are given, not checked: a fixture may need a consent that expired yesterday.
 */
export interface SignedConsentFixture {
  patientId: string;
  recipient:
    | { kind: 'support_contact'; supportContactId: string; name: string }
    | { kind: 'person' | 'organization'; name: string };
  categories: readonly DisclosureCategory[];
  purpose: string;
  startsOn: string;
  expiresOn: string | null;
  expiryEvent?: string | null;
  signedName: string;
  /** When the patient signed. */
  signedAt: Date;
  witnessedByUserId: string;
}

async function inTransaction<T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<DB>) : db.transaction().execute(work);
}

export async function insertSignedConsent(
  db: Kysely<DB>,
  organizationId: string,
  consent: SignedConsentFixture,
): Promise<{ consentId: string; signedRecordId: string }> {
  const row: NewConsentRow = {
    recipientKind: consent.recipient.kind,
    supportContactId:
      consent.recipient.kind === 'support_contact' ? consent.recipient.supportContactId : null,
    recipientName: consent.recipient.name,
    categories: normalizedCategories(consent.categories),
    purpose: consent.purpose,
    startsOn: consent.startsOn,
    expiresOn: consent.expiresOn,
    expiryEvent: consent.expiryEvent ?? null,
    signedName: consent.signedName,
    signedAt: consent.signedAt,
    witnessedByUserId: consent.witnessedByUserId,
    supersedesConsentId: null,
  };
  return inTransaction(db, async (trx) => {
    const record = await trx
      .insertInto('signedRecords')
      .values({
        organizationId,
        patientId: consent.patientId,
        recordType: consentRecordType,
        createdByUserId: consent.witnessedByUserId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('signedRecordVersions')
      .values({
        organizationId,
        recordId: record.id,
        number: 1,
        status: 'signed',
        content: JSON.stringify(consentSignedContent(row)),
        authorUserId: consent.witnessedByUserId,
        signedAt: sql<Date>`now()`,
        signedByUserId: consent.witnessedByUserId,
      })
      .execute();
    const inserted = await trx
      .insertInto('consents')
      .values({
        organizationId,
        patientId: consent.patientId,
        ...row,
        signedRecordId: record.id,
        signedRecordVersion: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { consentId: inserted.id, signedRecordId: record.id };
  });
}

/** Revokes a consent as the service does: at once, with a signed addendum to its version saying so. */
export async function revokeSignedConsent(
  db: Kysely<DB>,
  organizationId: string,
  consentId: string,
  revocation: { byUserId: string; reason: string },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const revoked = await trx
      .updateTable('consents')
      .set({
        revokedAt: sql<Date>`now()`,
        revokedByUserId: revocation.byUserId,
        revocationReason: revocation.reason,
        version: sql<number>`version + 1`,
      })
      .where('organizationId', '=', organizationId)
      .where('id', '=', consentId)
      .returning(['signedRecordId', 'signedRecordVersion'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('signedRecordAddenda')
      .values({
        organizationId,
        recordId: revoked.signedRecordId,
        versionNumber: revoked.signedRecordVersion,
        text: `Consent revoked: ${revocation.reason}`,
        signedByUserId: revocation.byUserId,
      })
      .execute();
  });
}
