import { addDays, type DisclosureCategory, type PortalRole, programToday } from '@tandem/core';
import { hashPassword } from 'better-auth/crypto';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../db/schema.generated.ts';
import { demoAccountFor, demoPassword } from '../demo/demo-accounts.ts';
import { readProgramClock } from '../records/program-clock.ts';
import { insertSignedConsent } from './insert-signed-consent.ts';

/** Rows the consent and disclosure tests stand on, written straight to the database. */

export async function userIdByEmail(db: Kysely<DB>, email: string): Promise<string> {
  return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

/** The demo patient (Pat Example, the demo patient sign-in) and the seeded support contact of the demo family sign-in. */
export async function demoSharing(db: Kysely<DB>, organizationId: string) {
  const patientUserId = await userIdByEmail(db, demoAccountFor('patient').email);
  const familyUserId = await userIdByEmail(db, demoAccountFor('family_member').email);
  const patient = await db
    .selectFrom('patients')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('userId', '=', patientUserId)
    .executeTakeFirstOrThrow();
  const contact = await db
    .selectFrom('supportContacts')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('userId', '=', familyUserId)
    .executeTakeFirstOrThrow();
  const consent = await db
    .selectFrom('consents')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('supportContactId', '=', contact.id)
    .executeTakeFirstOrThrow();
  return { patientId: patient.id, supportContactId: contact.id, consentId: consent.id, familyUserId };
}

/** A portal sign-in (patient or family member) of the organization, with the demo password. */
export async function insertPortalUser(
  db: Kysely<DB>,
  organizationId: string,
  person: { name: string; email: string; role: PortalRole },
): Promise<string> {
  const userId = uuidv7();
  const password = await hashPassword(demoPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({ id: userId, name: person.name, email: person.email, emailVerified: true })
      .execute();
    await trx
      .insertInto('accounts')
      .values({ userId, accountId: userId, providerId: 'credential', password })
      .execute();
    await trx.insertInto('memberships').values({ organizationId, userId, role: person.role }).execute();
  });
  return userId;
}

export async function insertLinkedSupportContact(
  db: Kysely<DB>,
  organizationId: string,
  patientId: string,
  contact: { name: string; userId: string | null },
): Promise<string> {
  const row = await db
    .insertInto('supportContacts')
    .values({
      organizationId,
      patientId,
      userId: contact.userId,
      name: contact.name,
      relationship: 'Sibling',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Today where the organization is, by the program clock every consent status is judged by. */
export async function programTodayOf(db: Kysely<DB>, organizationId: string): Promise<string> {
  return programToday(await readProgramClock(db, organizationId));
}

/**
 * A consent naming the support contact, its dates relative to today where the organization is: a consent
 * that expired yesterday or starts tomorrow cannot be recorded through the API, only found in the table.
 */
export async function insertConsentDirectly(
  db: Kysely<DB>,
  organizationId: string,
  consent: {
    patientId: string;
    supportContactId: string;
    recipientName: string;
    categories: DisclosureCategory[];
    witnessedByUserId: string;
    startsInDays: number;
    expiresInDays: number;
  },
): Promise<string> {
  const clock = await readProgramClock(db, organizationId);
  const today = programToday(clock);
  const { consentId } = await insertSignedConsent(db, organizationId, {
    patientId: consent.patientId,
    recipient: {
      kind: 'support_contact',
      supportContactId: consent.supportContactId,
      name: consent.recipientName,
    },
    categories: consent.categories,
    purpose: 'Support the patient at home',
    startsOn: addDays(today, consent.startsInDays),
    expiresOn: addDays(today, consent.expiresInDays),
    signedName: 'Patient Signature',
    signedAt: new Date(clock.now.getTime() - 40 * 24 * 60 * 60 * 1000),
    witnessedByUserId: consent.witnessedByUserId,
  });
  return consentId;
}

/** Another organization with one patient; its support contact's sign-in may be a user of the first one. */
export async function insertOtherOrganizationPatient(
  db: Kysely<DB>,
  slug: string,
): Promise<{
  organizationId: string;
  patientId: string;
}> {
  const organizationId = uuidv7();
  const patientId = uuidv7();
  await db
    .insertInto('organizations')
    .values({ id: organizationId, name: `Program ${slug}`, slug })
    .execute();
  await db
    .insertInto('patients')
    .values({
      organizationId,
      id: patientId,
      mrn: 'B-1',
      legalGivenName: 'Bianca',
      legalFamilyName: 'Otherprogram',
      dateOfBirth: '1991-02-03',
    })
    .execute();
  return { organizationId, patientId };
}

export async function countDisclosures(db: Kysely<DB>, patientId: string): Promise<number> {
  const row = await db
    .selectFrom('disclosures')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('patientId', '=', patientId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
