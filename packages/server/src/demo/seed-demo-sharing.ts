import { addDays, programToday } from '@tandem/core';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import { readProgramClock } from '../records/program-clock.ts';
import { insertSignedConsent } from '../testing/insert-signed-consent.ts';
import { demoAccountFor } from './demo-accounts.ts';

/**
 * The demo family member is the demo patient's support contact, signed in to the family portal, with a consent
 * in effect from today for a year or until discharge: attendance and medications, nothing else. So the family
 * portal, the accounting of disclosures and revocation can be tried at once. The consent is a signed record made
 * the way the consent service makes one (testing/insert-signed-consent.ts), so its history reads like any other.
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

  const clock = await readProgramClock(trx, organizationId);
  const today = programToday(clock);
  await insertSignedConsent(trx, organizationId, {
    patientId: patient.id,
    recipient: { kind: 'support_contact', supportContactId: contact.id, name: family.name },
    categories: ['attendance', 'medications'],
    purpose: 'Family support during treatment: help with keeping appointments and taking medication',
    startsOn: today,
    expiresOn: addDays(today, 365),
    expiryEvent: 'Discharge from the program',
    signedName: `${patient.legalGivenName} ${patient.legalFamilyName}`,
    signedAt: clock.now,
    witnessedByUserId: witnessUserId,
  });
}
