import { addDays, type DisclosureCategory, programToday } from '@tandem/core';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import { readProgramClock } from '../records/program-clock.ts';
import { insertSignedConsent } from '../testing/insert-signed-consent.ts';
import { demoAccountFor, spanishDemoFamilyMember, spanishDemoPatient } from './demo-accounts.ts';

interface DemoSharing {
  patientEmail: string;
  familyEmail: string;
  relationship: string;
  phone: string;
  categories: DisclosureCategory[];
  /** In the patient's own language: the consent is their document. */
  purpose: string;
  expiryEvent: string;
}

/**
 * Each demo family member is a demo patient's support contact, signed in to the family portal, with a consent in
 * effect from today for a year or until discharge. So the family portal, the accounting of disclosures and
 * revocation can be tried at once, in English (Pat and Jordan) and in Spanish (Lucía and her mother Rosa). The
 * consents are signed records made the way the consent service makes one (testing/insert-signed-consent.ts), so
 * their history reads like any other.
 */
const demoSharing: readonly DemoSharing[] = [
  {
    patientEmail: demoAccountFor('patient').email,
    familyEmail: demoAccountFor('family_member').email,
    relationship: 'Partner',
    phone: '+1-555-0142',
    categories: ['attendance', 'medications'],
    purpose: 'Family support during treatment: help with keeping appointments and taking medication',
    expiryEvent: 'Discharge from the program',
  },
  {
    patientEmail: spanishDemoPatient,
    familyEmail: spanishDemoFamilyMember,
    relationship: 'Madre',
    phone: '+1-555-0177',
    categories: ['attendance'],
    purpose: 'Apoyo familiar durante el tratamiento: ayudarme a asistir a mis citas',
    expiryEvent: 'Alta del programa',
  },
];

export async function insertDemoSharing(trx: Transaction<DB>, organizationId: string): Promise<void> {
  const userOf = async (email: string) =>
    trx.selectFrom('users').select(['id', 'name']).where('email', '=', email).executeTakeFirstOrThrow();
  const witness = await userOf(demoAccountFor('clinician').email);
  const clock = await readProgramClock(trx, organizationId);
  const today = programToday(clock);

  for (const sharing of demoSharing) {
    const patientUser = await userOf(sharing.patientEmail);
    const family = await userOf(sharing.familyEmail);
    const patient = await trx
      .selectFrom('patients')
      .select(['id', 'legalGivenName', 'legalFamilyName'])
      .where('organizationId', '=', organizationId)
      .where('userId', '=', patientUser.id)
      .executeTakeFirstOrThrow();
    const contact = await trx
      .insertInto('supportContacts')
      .values({
        organizationId,
        patientId: patient.id,
        userId: family.id,
        name: family.name,
        relationship: sharing.relationship,
        email: sharing.familyEmail,
        phone: sharing.phone,
        tookPartInAdmission: true,
        mayJoinFamilySessions: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertSignedConsent(trx, organizationId, {
      patientId: patient.id,
      recipient: { kind: 'support_contact', supportContactId: contact.id, name: family.name },
      categories: sharing.categories,
      purpose: sharing.purpose,
      startsOn: today,
      expiresOn: addDays(today, 365),
      expiryEvent: sharing.expiryEvent,
      signedName: `${patient.legalGivenName} ${patient.legalFamilyName}`,
      signedAt: clock.now,
      witnessedByUserId: witness.id,
    });
  }
}
