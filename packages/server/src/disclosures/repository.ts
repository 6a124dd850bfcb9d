import type { DisclosureCategory } from '@tandem/core';
import type { Kysely, Transaction } from 'kysely';
import { toCategories } from '../consents/repository.ts';
import type { DB } from '../db/schema.generated.ts';

/** `patient_list`: a support contact's patient list named the patient (and disclosed no category). */
export const disclosureChannels = ['family_portal', 'export', 'fhir', 'printout', 'patient_list'] as const;
export type DisclosureChannel = (typeof disclosureChannels)[number];

/** A consent as far as disclosing under it goes. */
export interface ConsentForDisclosure {
  id: string;
  supportContactId: string | null;
  /** The recipient's portal sign-in, when the recipient is a support contact who has one. */
  recipientUserId: string | null;
  recipientName: string;
  recipientKind: string;
  categories: DisclosureCategory[];
  purpose: string;
  startsOn: string;
  expiresOn: string | null;
  expiryEvent: string | null;
  signedName: string;
  signedAt: Date;
  witnessName: string;
  revokedAt: Date | null;
}

export interface NewDisclosure {
  patientId: string;
  consentId: string;
  recipientName: string;
  recipientUserId: string | null;
  categories: DisclosureCategory[];
  channel: DisclosureChannel;
  purpose: string;
  disclosedByUserId: string | null;
}

export interface AccountedDisclosure {
  id: string;
  disclosedAt: Date;
  recipientName: string;
  categories: DisclosureCategory[];
  channel: DisclosureChannel;
  purpose: string;
  consentId: string;
  disclosedBy: string | null;
}

function selectConsentsForDisclosure(trx: Transaction<DB>, organizationId: string, patientId: string) {
  return (
    trx
      .selectFrom('consents as c')
      .innerJoin('users as w', 'w.id', 'c.witnessedByUserId')
      .leftJoin('supportContacts as sc', (join) =>
        join.onRef('sc.organizationId', '=', 'c.organizationId').onRef('sc.id', '=', 'c.supportContactId'),
      )
      .select([
        'c.id',
        'c.supportContactId',
        'sc.userId as recipientUserId',
        'c.recipientName',
        'c.recipientKind',
        'c.categories',
        'c.purpose',
        'c.startsOn',
        'c.expiresOn',
        'c.expiryEvent',
        'c.signedName',
        'c.signedAt',
        'w.name as witnessName',
        'c.revokedAt',
      ])
      .where('c.organizationId', '=', organizationId)
      .where('c.patientId', '=', patientId)
      // Held until the disclosure commits: a revocation made meanwhile waits for it, and one committed before
      // is seen (the lock re-reads the row), so nothing leaves under a consent revoked a moment earlier.
      .forShare('c')
  );
}

function toConsentForDisclosure(
  row: Awaited<ReturnType<ReturnType<typeof selectConsentsForDisclosure>['execute']>>[number],
): ConsentForDisclosure {
  return {
    ...row,
    recipientUserId: row.recipientUserId ?? null,
    categories: toCategories(row.categories),
    signedAt: new Date(row.signedAt),
    revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt),
  };
}

/** The only SQL of disclosures: the consents they are made under, the accounting, and who the patient is. */
export function disclosureRepository(db: Kysely<DB>) {
  return {
    /** The patient as a disclosure names them; undefined when the organization has no such patient. */
    async patient(executor: Kysely<DB> | Transaction<DB>, organizationId: string, patientId: string) {
      return executor
        .selectFrom('patients as p')
        .innerJoin('organizations as o', 'o.id', 'p.organizationId')
        .select([
          'p.id',
          'p.mrn',
          'p.legalGivenName',
          'p.legalFamilyName',
          'p.preferredName',
          'p.dateOfBirth',
          'o.name as programName',
        ])
        .where('p.organizationId', '=', organizationId)
        .where('p.id', '=', patientId)
        .executeTakeFirst();
    },

    /** The unrevoked consents naming this user (through an active support contact), locked for the disclosure. */
    async consentsNamingUser(
      trx: Transaction<DB>,
      organizationId: string,
      patientId: string,
      userId: string,
    ): Promise<ConsentForDisclosure[]> {
      const rows = await selectConsentsForDisclosure(trx, organizationId, patientId)
        .where('sc.userId', '=', userId)
        .where('sc.active', '=', true)
        .where('c.revokedAt', 'is', null)
        .orderBy('c.signedAt')
        .execute();
      return rows.map(toConsentForDisclosure);
    },

    /** One consent of the patient, locked for the disclosure. */
    async consent(
      trx: Transaction<DB>,
      organizationId: string,
      patientId: string,
      consentId: string,
    ): Promise<ConsentForDisclosure | undefined> {
      const row = await selectConsentsForDisclosure(trx, organizationId, patientId)
        .where('c.id', '=', consentId)
        .executeTakeFirst();
      return row === undefined ? undefined : toConsentForDisclosure(row);
    },

    /** Appends to the accounting of disclosures (append-only: a trigger refuses any change). */
    async record(
      trx: Transaction<DB>,
      organizationId: string,
      disclosures: readonly NewDisclosure[],
    ): Promise<{ id: string; disclosedAt: Date }[]> {
      if (disclosures.length === 0) return [];
      const rows = await trx
        .insertInto('disclosures')
        .values(disclosures.map((disclosure) => ({ organizationId, ...disclosure })))
        .returning(['id', 'disclosedAt'])
        .execute();
      return rows.map((row) => ({ id: row.id, disclosedAt: new Date(row.disclosedAt) }));
    },

    /** The accounting of disclosures of one patient's record, newest first. */
    async accounting(
      organizationId: string,
      patientId: string,
      limit: number,
    ): Promise<AccountedDisclosure[]> {
      const rows = await db
        .selectFrom('disclosures as d')
        .leftJoin('users as u', 'u.id', 'd.disclosedByUserId')
        .select([
          'd.id',
          'd.disclosedAt',
          'd.recipientName',
          'd.categories',
          'd.channel',
          'd.purpose',
          'd.consentId',
          'u.name as disclosedBy',
        ])
        .where('d.organizationId', '=', organizationId)
        .where('d.patientId', '=', patientId)
        .orderBy('d.disclosedAt', 'desc')
        .orderBy('d.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        ...row,
        disclosedAt: new Date(row.disclosedAt),
        categories: toCategories(row.categories),
        channel: row.channel as DisclosureChannel,
        disclosedBy: row.disclosedBy ?? null,
      }));
    },

    /**
     * The patients a portal user may open: themselves (a patient), or those with an unrevoked consent naming
     * them through an active support contact (a family member; whether it is in effect today is judged by the
     * caller with the core rules).
     */
    async portalPatients(organizationId: string, userId: string, scope: 'self' | 'consenting') {
      if (scope === 'self') {
        const rows = await db
          .selectFrom('patients')
          .select(['id', 'legalGivenName', 'preferredName'])
          .where('organizationId', '=', organizationId)
          .where('userId', '=', userId)
          .execute();
        return rows.map((row) => ({ ...row, consents: [] as ConsentTermsRow[] }));
      }
      const rows = await db
        .selectFrom('consents as c')
        .innerJoin('supportContacts as sc', (join) =>
          join.onRef('sc.organizationId', '=', 'c.organizationId').onRef('sc.id', '=', 'c.supportContactId'),
        )
        .innerJoin('patients as p', (join) =>
          join.onRef('p.organizationId', '=', 'c.organizationId').onRef('p.id', '=', 'c.patientId'),
        )
        .select([
          'p.id as patientId',
          'p.legalGivenName',
          'p.preferredName',
          'c.id',
          'c.categories',
          'c.startsOn',
          'c.expiresOn',
          'c.revokedAt',
          'c.recipientName',
          'c.purpose',
        ])
        .where('c.organizationId', '=', organizationId)
        .where('sc.userId', '=', userId)
        .where('sc.active', '=', true)
        .where('c.revokedAt', 'is', null)
        .orderBy('p.legalGivenName')
        .orderBy('p.id')
        .execute();
      const byPatient = new Map<
        string,
        { id: string; legalGivenName: string; preferredName: string | null; consents: ConsentTermsRow[] }
      >();
      for (const row of rows) {
        const patient = byPatient.get(row.patientId) ?? {
          id: row.patientId,
          legalGivenName: row.legalGivenName,
          preferredName: row.preferredName,
          consents: [],
        };
        patient.consents.push({
          id: row.id,
          recipientName: row.recipientName,
          purpose: row.purpose,
          categories: toCategories(row.categories),
          startsOn: row.startsOn,
          expiresOn: row.expiresOn,
          revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt),
        });
        byPatient.set(row.patientId, patient);
      }
      return [...byPatient.values()];
    },
  };
}

export interface ConsentTermsRow {
  id: string;
  recipientName: string;
  purpose: string;
  categories: DisclosureCategory[];
  startsOn: string;
  expiresOn: string | null;
  revokedAt: Date | null;
}

export type DisclosureRepository = ReturnType<typeof disclosureRepository>;
