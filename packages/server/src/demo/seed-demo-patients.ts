import { patientStatusAfterEpisodes } from '@tandem/core';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import { formatMrn } from '../patients/mrn.ts';
import { patientRepository } from '../patients/repository.ts';
import { demoAccountFor, spanishDemoPatient } from './demo-accounts.ts';
import { type DemoEpisode, daysBefore, insertDemoEpisodes, programTodayOf } from './seed-demo-episodes.ts';

/**
 * Synthetic demo patients, each with a care team and episodes of care, so that every role's view of a record has
 * something to show. Their stories are invented; the clinical details are kept plausible.
 */
interface DemoPatient {
  legalGivenName: string;
  legalFamilyName: string;
  preferredName: string | null;
  pronouns: string | null;
  dateOfBirth: string;
  sexAssignedAtBirth: 'female' | 'male' | 'intersex' | 'unknown';
  preferredLanguage: string;
  interpreterNeeded?: boolean;
  /** The demo patient sign-in whose record this is. */
  signInEmail?: string;
  /** Care team: staff member e-mail → place. */
  careTeam: Record<string, 'primary_therapist' | 'prescriber' | 'case_manager' | 'group_facilitator'>;
  /**
   * Oldest first; the last is the current one. The record was registered on the first admission day, or
   * `registeredDaysAgo` for a person registered and not admitted yet (no episodes).
   */
  episodes: readonly DemoEpisode[];
  registeredDaysAgo?: number;
}

const allIntakeDone = { consents_signed: 0, orientation: 0, assessments_done: 2, plan_written: 6 } as const;

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
    signInEmail: demoAccountFor('patient').email,
    careTeam: { [clinician]: 'primary_therapist', [prescriber]: 'prescriber' },
    episodes: [
      {
        // Residential after an overdose, then stepped down to intensive outpatient.
        admittedDaysAgo: 24,
        admission: {
          referralSource: 'other_health_care_provider',
          referralNote: 'Emergency department, after a non-fatal overdose',
          setting: 'inpatient_residential',
          asam: { edition: '4', level: '3.5' },
          substances: [
            {
              substanceClass: 'opioids',
              specificSubstance: 'fentanyl',
              route: 'smoking',
              frequency: 'daily',
              isPrimary: true,
              ageOfFirstUse: 22,
            },
            {
              substanceClass: 'cocaine',
              specificSubstance: 'crack cocaine',
              route: 'smoking',
              frequency: 'one_to_two_times_per_week',
              ageOfFirstUse: 25,
            },
          ],
          diagnoses: [{ code: 'F11.20', isPrimary: true }, { code: 'F14.10' }],
          presentingProblems:
            'Smoked fentanyl daily for two years; non-fatal overdose three weeks before admission. Lost their job ' +
            'in the spring; staying with their sister. Wants to stay alive and get back to work.',
          coOccurringConditions: ['depression'],
        },
        levelChanges: [
          {
            daysAgo: 10,
            direction: 'step_down',
            setting: 'intensive_outpatient',
            asam: { edition: '4', level: '2.1' },
            reason:
              'Withdrawal over and stable on buprenorphine; living with their sister, who supports treatment. ' +
              'Intensive outpatient three days a week.',
          },
        ],
        intakeDone: allIntakeDone,
      },
    ],
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
    episodes: [
      {
        // Admitted this week: the intake assessments are overdue, the plan not yet due.
        admittedDaysAgo: 5,
        admission: {
          referralSource: 'self',
          referralNote: 'His wife called the intake line with him',
          setting: 'partial_hospitalization',
          asam: { edition: '3', level: '2.5' },
          substances: [
            {
              substanceClass: 'alcohol',
              route: 'oral',
              frequency: 'daily',
              isPrimary: true,
              ageOfFirstUse: 16,
            },
          ],
          diagnoses: [{ code: 'F10.20', isPrimary: true }],
          presentingProblems:
            'Drinks daily, more since a back injury two years ago; finished medically supervised withdrawal ' +
            'the week before admission. Works as a mechanic and wants to keep the job.',
          coOccurringConditions: ['chronic_pain', 'anxiety'],
        },
        intakeDone: { consents_signed: 0, orientation: 1 },
      },
    ],
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
    episodes: [
      {
        // Left early a year ago; came back.
        admittedDaysAgo: 430,
        admission: {
          referralSource: 'self',
          setting: 'outpatient',
          asam: { edition: '3', level: '1' },
          substances: [
            {
              substanceClass: 'other_stimulants',
              specificSubstance: 'methamphetamine',
              route: 'smoking',
              frequency: 'one_to_two_times_per_week',
              isPrimary: true,
              ageOfFirstUse: 19,
            },
          ],
          diagnoses: [{ code: 'F15.10', isPrimary: true }],
          presentingProblems: 'Weekend methamphetamine use, rising; missed shifts at work.',
          coOccurringConditions: ['adhd'],
        },
        discharge: {
          daysAgo: 395,
          dischargeType: 'against_advice',
          aftercarePlan:
            'Stopped coming after five weeks. Given the program’s number and the SAMHSA helpline; welcome back ' +
            'at any time.',
        },
        intakeDone: allIntakeDone,
      },
      {
        admittedDaysAgo: 40,
        admission: {
          referralSource: 'substance_use_care_provider',
          referralNote: 'Community withdrawal management program',
          setting: 'intensive_outpatient',
          asam: { edition: '4', level: '2.1' },
          substances: [
            {
              substanceClass: 'other_stimulants',
              specificSubstance: 'methamphetamine',
              route: 'smoking',
              frequency: 'three_to_six_times_per_week',
              isPrimary: true,
              ageOfFirstUse: 19,
            },
            { substanceClass: 'cannabis', route: 'smoking', frequency: 'daily', ageOfFirstUse: 15 },
          ],
          diagnoses: [{ code: 'F15.20', isPrimary: true }, { code: 'F12.10' }],
          presentingProblems:
            'Methamphetamine most days since a breakup last year; cannabis daily to sleep. Nightmares and ' +
            'startle since an assault. Asked for contingency management, which helped a friend.',
          coOccurringConditions: ['ptsd', 'adhd'],
        },
        intakeDone: allIntakeDone,
      },
    ],
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
    episodes: [
      {
        admittedDaysAgo: 61,
        admission: {
          referralSource: 'criminal_justice',
          referralNote: 'Court-ordered after a second DUI',
          setting: 'outpatient',
          asam: { edition: '3', level: '1' },
          substances: [
            {
              substanceClass: 'alcohol',
              route: 'oral',
              frequency: 'three_to_six_times_per_week',
              isPrimary: true,
              ageOfFirstUse: 14,
            },
          ],
          diagnoses: [{ code: 'F10.20', isPrimary: true }],
          presentingProblems:
            'Heavy drinking after work most evenings; second DUI in three years. Ambivalent about treatment.',
          coOccurringConditions: [],
        },
        intakeDone: allIntakeDone,
      },
    ],
  },
  {
    // Registered by the front desk after a phone screen, not admitted yet: on the list, not in treatment.
    legalGivenName: 'Dana',
    legalFamilyName: 'Whitfield',
    preferredName: null,
    pronouns: 'she/her',
    dateOfBirth: '1996-02-17',
    sexAssignedAtBirth: 'female',
    preferredLanguage: 'en',
    careTeam: {},
    episodes: [],
    registeredDaysAgo: 1,
  },
  {
    // Reads Tandem in Spanish (her record's preferred language), as does her mother, her support contact.
    legalGivenName: 'Lucía',
    legalFamilyName: 'Morales',
    preferredName: null,
    pronouns: 'she/her',
    dateOfBirth: '1991-06-03',
    sexAssignedAtBirth: 'female',
    preferredLanguage: 'es',
    // Her therapist speaks Spanish; the prescriber does not.
    interpreterNeeded: true,
    signInEmail: spanishDemoPatient,
    careTeam: { [clinician]: 'primary_therapist', [prescriber]: 'prescriber' },
    episodes: [
      {
        admittedDaysAgo: 12,
        admission: {
          referralSource: 'self',
          referralNote: 'Her mother found the program through their church',
          setting: 'outpatient',
          asam: { edition: '4', level: '1.7' },
          substances: [
            {
              substanceClass: 'opioids',
              specificSubstance: 'oxycodone',
              route: 'oral',
              frequency: 'daily',
              isPrimary: true,
              ageOfFirstUse: 27,
            },
          ],
          diagnoses: [{ code: 'F11.20', isPrimary: true }],
          presentingProblems:
            'Prescribed oxycodone after a car accident, then bought pills when the prescription ended. Started ' +
            'buprenorphine with the program. Lives with her mother and her son; works nights as a cleaner.',
          coOccurringConditions: [],
        },
        intakeDone: allIntakeDone,
      },
    ],
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
  const firstMrn = await patientRepository(trx).allocateMrnValues(organizationId, demoPatients.length);
  const today = await programTodayOf(trx, organizationId);
  const userIdOf = async (email: string) =>
    (await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const episodeStaff = {
    clinicianUserId: await userIdOf(clinician),
    frontDeskUserId: await userIdOf(demoAccountFor('front_desk').email),
  };

  for (const [index, demoPatient] of demoPatients.entries()) {
    const { careTeam, signInEmail, episodes, registeredDaysAgo, ...person } = demoPatient;
    // Registered on the first admission day; the current team took over on the current admission day (morning
    // where the program is).
    const registeredAt = new Date(
      `${daysBefore(today, episodes[0]?.admittedDaysAgo ?? registeredDaysAgo ?? 0)}T17:00:00Z`,
    );
    const current = episodes.at(-1);
    const teamSince =
      current === undefined
        ? registeredAt
        : new Date(`${daysBefore(today, current.admittedDaysAgo)}T17:00:00Z`);
    const patient = await trx
      .insertInto('patients')
      .values({
        organizationId,
        mrn: formatMrn(firstMrn + index),
        ...person,
        userId: signInEmail === undefined ? null : await userIdOf(signInEmail),
        status: patientStatusAfterEpisodes(
          episodes.map((episode) => ({ discharged: episode.discharge !== undefined })),
        ),
        createdAt: registeredAt,
        updatedAt: registeredAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [email, role] of Object.entries(careTeam)) {
      const staffMemberId = staffIdByEmail.get(email);
      if (staffMemberId === undefined) throw new Error(`No demo staff member ${email}`);
      await trx
        .insertInto('careTeamMembers')
        .values({
          organizationId,
          patientId: patient.id,
          staffMemberId,
          role,
          startedAt: teamSince,
          createdAt: teamSince,
          updatedAt: teamSince,
        })
        .execute();
    }
    await insertDemoEpisodes(
      trx,
      { organizationId, patientId: patient.id, today, staff: episodeStaff },
      episodes,
    );
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
