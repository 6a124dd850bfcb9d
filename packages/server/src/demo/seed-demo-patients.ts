import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import { formatMrn } from '../patients/mrn.ts';
import { patientRepository } from '../patients/repository.ts';
import { demoAccountFor } from './demo-accounts.ts';

/** Synthetic demo patients, each with a care team, so that every role's view of a record has something to show. */
interface DemoPatient {
  legalGivenName: string;
  legalFamilyName: string;
  preferredName: string | null;
  pronouns: string | null;
  dateOfBirth: string;
  sexAssignedAtBirth: 'female' | 'male' | 'intersex' | 'unknown';
  preferredLanguage: string;
  /** The demo patient sign-in whose record this is. */
  isDemoPatientAccount?: boolean;
  /** Care team: staff member e-mail → place. */
  careTeam: Record<string, 'primary_therapist' | 'prescriber' | 'case_manager' | 'group_facilitator'>;
}

const clinician = demoAccountFor('clinician').email;
const prescriber = demoAccountFor('prescriber').email;

export const demoPatients: readonly DemoPatient[] = [
  {
    legalGivenName: 'Pat',
    legalFamilyName: 'Example',
    preferredName: null,
    pronouns: 'they/them',
    dateOfBirth: '1988-04-12',
    sexAssignedAtBirth: 'female',
    preferredLanguage: 'en',
    isDemoPatientAccount: true,
    careTeam: { [clinician]: 'primary_therapist', [prescriber]: 'prescriber' },
  },
  {
    legalGivenName: 'José',
    legalFamilyName: 'Nguyễn',
    preferredName: 'Joe',
    pronouns: 'he/him',
    dateOfBirth: '1975-09-30',
    sexAssignedAtBirth: 'male',
    preferredLanguage: 'es',
    careTeam: { [clinician]: 'primary_therapist' },
  },
  {
    legalGivenName: 'Aisha',
    legalFamilyName: 'Rahman',
    preferredName: null,
    pronouns: 'she/her',
    dateOfBirth: '1996-01-22',
    sexAssignedAtBirth: 'female',
    preferredLanguage: 'en',
    careTeam: {
      [clinician]: 'group_facilitator',
      [prescriber]: 'prescriber',
      // Fills one of the two places of Tom Becker's caseload: matching shows him near full.
      'tom.becker@demo.tandem.test': 'primary_therapist',
    },
  },
  {
    // Not on the demo clinician's care team: the record to try break-the-glass access on.
    legalGivenName: 'Riley',
    legalFamilyName: 'Thompson',
    preferredName: null,
    pronouns: 'he/him',
    dateOfBirth: '1982-07-05',
    sexAssignedAtBirth: 'male',
    preferredLanguage: 'en',
    careTeam: { 'morgan.lee@demo.tandem.test': 'primary_therapist' },
  },
];

/** The demo patient whose record the demo clinician is not on the care team of (break-the-glass demo). */
export const demoPatientOffClinicianCaseload = {
  legalGivenName: 'Riley',
  legalFamilyName: 'Thompson',
} as const;

export async function insertDemoPatients(trx: Transaction<DB>, organizationId: string): Promise<void> {
  const staff = await trx
    .selectFrom('staffMembers')
    .select(['id', 'email', 'userId'])
    .where('organizationId', '=', organizationId)
    .execute();
  const staffIdByEmail = new Map(staff.map((member) => [member.email, member.id]));
  const patientUser = await trx
    .selectFrom('users')
    .select('id')
    .where('email', '=', demoAccountFor('patient').email)
    .executeTakeFirstOrThrow();
  const firstMrn = await patientRepository(trx).allocateMrnValues(organizationId, demoPatients.length);

  for (const [index, { careTeam, isDemoPatientAccount, ...person }] of demoPatients.entries()) {
    const patient = await trx
      .insertInto('patients')
      .values({
        organizationId,
        mrn: formatMrn(firstMrn + index),
        ...person,
        userId: isDemoPatientAccount === true ? patientUser.id : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [email, role] of Object.entries(careTeam)) {
      const staffMemberId = staffIdByEmail.get(email);
      if (staffMemberId === undefined) throw new Error(`No demo staff member ${email}`);
      await trx
        .insertInto('careTeamMembers')
        .values({ organizationId, patientId: patient.id, staffMemberId, role })
        .execute();
    }
  }

  // The demo supervisor supervises the demo clinician, and so relates to the clinician's patients.
  const supervisor = staffIdByEmail.get(demoAccountFor('supervisor').email);
  const supervisee = staffIdByEmail.get(clinician);
  if (supervisor === undefined || supervisee === undefined) throw new Error('Demo supervision staff missing');
  await trx
    .insertInto('supervisions')
    .values({ organizationId, supervisorStaffMemberId: supervisor, superviseeStaffMemberId: supervisee })
    .execute();
}
