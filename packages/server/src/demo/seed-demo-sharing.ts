import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import { demoAccountFor } from './demo-accounts.ts';

/**
 * The demo family member is the demo patient's support contact, signed in to the family portal, with a consent
 * in effect from today for a year or until discharge: attendance and medications, nothing else. So the family
 * portal, the accounting of disclosures and revocation can be tried at once.
 */
export async function insertDemoSharing(trx: Transaction<DB>, organizationId: string): Promise<void> {
  const userIdOf = async (email: string) =>
    (await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const patientUserId = await userIdOf(demoAccountFor('patient').email);
  const family = demoAccountFor('family_member');
  const familyUserId = await userIdOf(family.email);
  const witnessUserId = await userIdOf(demoAccountFor('clinician').email);
  const patient = await trx
    .selectFrom('patients')
    .select(['id', 'legalGivenName', 'legalFamilyName'])
    .where('organizationId', '=', organizationId)
    .where('userId', '=', patientUserId)
    .executeTakeFirstOrThrow();

  const contact = await trx
    .insertInto('supportContacts')
    .values({
      organizationId,
      patientId: patient.id,
      userId: familyUserId,
      name: family.name,
      relationship: 'Partner',
      email: family.email,
      phone: '+1-555-0142',
      tookPartInAdmission: true,
      mayJoinFamilySessions: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const today = sql<string>`(now() AT TIME ZONE (SELECT time_zone FROM organizations WHERE id = ${organizationId}::uuid))::date`;
  await trx
    .insertInto('consents')
    .values({
      organizationId,
      patientId: patient.id,
      recipientKind: 'support_contact',
      supportContactId: contact.id,
      recipientName: family.name,
      categories: ['attendance', 'medications'],
      purpose: 'Family support during treatment: help with keeping appointments and taking medication',
      startsOn: today,
      expiresOn: sql<string>`(${today} + interval '1 year')::date`,
      expiryEvent: 'Discharge from the program',
      signedName: `${patient.legalGivenName} ${patient.legalFamilyName}`,
      signedAt: sql<Date>`now()`,
      witnessedByUserId: witnessUserId,
    })
    .execute();
}
