import { localDateAt } from '@tandem/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { episodeRepository } from '../admission/episode-repository.ts';
import { raiseOverdueIntakeAlerts } from '../admission/intake-overdue-alerts.ts';
import { intakeRepository } from '../admission/intake-repository.ts';
import { alertRepository } from '../alerts/repository.ts';
import { recordKernel } from '../records/unit-of-work.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import {
  demoAccountFor,
  demoAccounts,
  demoOrganization,
  spanishDemoFamilyMember,
  spanishDemoPatient,
} from './demo-accounts.ts';
import { seedDemo } from './seed-demo.ts';
import { daysBefore } from './seed-demo-episodes.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function counts() {
  const { db } = database;
  const count = async (table: 'organizations' | 'users' | 'memberships' | 'staffMembers' | 'rooms') =>
    Number((await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return {
    organizations: await count('organizations'),
    users: await count('users'),
    memberships: await count('memberships'),
    staffMembers: await count('staffMembers'),
    rooms: await count('rooms'),
  };
}

describe('seedDemo', () => {
  it('creates one clearly labelled demo organization with a sign-in per role', async () => {
    const first = await seedDemo(database.db);
    expect(first.created).toBe(true);
    const organization = await database.db
      .selectFrom('organizations')
      .selectAll()
      .where('id', '=', first.organizationId)
      .executeTakeFirstOrThrow();
    expect(organization).toMatchObject({ name: demoOrganization.name, isDemo: true });
    expect((await counts()).memberships).toBe(demoAccounts.length);
  });

  it('changes nothing when run again, even concurrently', async () => {
    const before = await counts();
    const again = await Promise.all([seedDemo(database.db), seedDemo(database.db)]);
    expect(again.map((result) => result.created)).toEqual([false, false]);
    expect(await counts()).toEqual(before);
  });

  it('shows a program in progress: five patients in treatment, one registered, a step-down, a readmission, one assessment overdue', async () => {
    const { db } = database;
    const { organizationId } = await seedDemo(db);
    const organization = await db
      .selectFrom('organizations')
      .select('timeZone')
      .where('id', '=', organizationId)
      .executeTakeFirstOrThrow();
    const today = localDateAt(new Date(), organization.timeZone);
    const patients = await db
      .selectFrom('patients')
      .select(['id', 'legalFamilyName', 'status', 'createdAt'])
      .where('organizationId', '=', organizationId)
      .orderBy('mrn')
      .execute();
    expect(patients.map((patient) => patient.legalFamilyName)).toEqual([
      'Example',
      'Nguyễn',
      'Rahman',
      'Thompson',
      'Whitfield',
      'Morales',
    ]);
    // Dana Whitfield is registered, not admitted: no episode, and not counted as in treatment.
    const registered = patients.filter((patient) => patient.status === 'registered');
    expect(registered.map((patient) => patient.legalFamilyName)).toEqual(['Whitfield']);
    const episodes = episodeRepository(db);
    expect(await episodes.listEpisodes(organizationId, registered[0]?.id ?? '')).toEqual([]);
    const timelines = new Map<string, Awaited<ReturnType<typeof episodes.listEpisodes>>>();
    for (const patient of patients.filter((candidate) => candidate.status !== 'registered')) {
      const timeline = await episodes.listEpisodes(organizationId, patient.id);
      timelines.set(patient.legalFamilyName, timeline);
      expect(patient.status).toBe('active');
      // Newest first: the current episode is active, every earlier one discharged.
      expect(timeline.map((episode) => episode.status)).toEqual([
        'active',
        ...timeline.slice(1).map(() => 'discharged'),
      ]);
      for (const episode of timeline) {
        expect(episode.substances.filter((substance) => substance.isPrimary)).toHaveLength(1);
        expect(episode.diagnoses.filter((diagnosis) => diagnosis.isPrimary)).toHaveLength(1);
        expect(episode.admittedOn <= today).toBe(true);
      }
      // Registered on the first admission day, not after it.
      const firstAdmission = timeline.at(-1)?.admittedOn ?? '';
      expect(localDateAt(patient.createdAt, organization.timeZone)).toBe(firstAdmission);
    }

    // Pat stepped down from residential to intensive outpatient; the episode's level is the latest change's.
    const [pat] = timelines.get('Example') ?? [];
    expect(pat).toMatchObject({ setting: 'intensive_outpatient', asam: { edition: '4', level: '2.1' } });
    expect(pat?.levelOfCareChanges).toMatchObject([
      { direction: 'step_down', fromSetting: 'inpatient_residential', setting: 'intensive_outpatient' },
    ]);
    expect(pat?.diagnoses.map((diagnosis) => diagnosis.code)).toEqual(['F11.20', 'F14.10']);
    // Aisha left early a year ago and came back.
    expect(timelines.get('Rahman')?.[1]).toMatchObject({
      status: 'discharged',
      dischargeType: 'against_advice',
    });

    // Joe's intake assessments are the one overdue item; the clinician on his care team sees it as theirs.
    const clinician = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoAccountFor('clinician').email)
      .executeTakeFirstOrThrow();
    const overdue = await intakeRepository(db).overdue(organizationId, clinician.id, 50);
    expect(overdue).toEqual([
      expect.objectContaining({
        patientName: 'Joe Nguyễn',
        itemLabel: 'Intake assessments done',
        dueOn: daysBefore(today, 2),
        daysOverdue: 2,
        onMyCareTeam: true,
      }),
    ]);
    // ...and the alert sweep raises it as an alert routed to him (at demo creation too), never twice.
    const alerts = alertRepository(db);
    expect(await raiseOverdueIntakeAlerts(recordKernel(db), alerts, organizationId)).toBe(1);
    expect(await alerts.openFor(db, organizationId, clinician.id)).toEqual([
      expect.objectContaining({
        kind: 'intake_item_overdue',
        patientName: 'Joe Nguyễn',
        summary: `Intake assessments done was due on ${daysBefore(today, 2)}.`,
      }),
    ]);
    expect(await raiseOverdueIntakeAlerts(recordKernel(db), alerts, organizationId)).toBe(0);
  });
});

describe('the demo in Spanish', () => {
  it('has a patient who reads Spanish by her record, and her mother, who chose Spanish, with a consent naming her', async () => {
    const { db } = database;
    const { organizationId } = await seedDemo(db);
    const lucia = await db
      .selectFrom('patients')
      .innerJoin('users', 'users.id', 'patients.userId')
      .select(['patients.id', 'patients.preferredLanguage', 'patients.interpreterNeeded', 'users.language'])
      .where('patients.organizationId', '=', organizationId)
      .where('users.email', '=', spanishDemoPatient)
      .executeTakeFirstOrThrow();
    expect(lucia).toMatchObject({ preferredLanguage: 'es', interpreterNeeded: true, language: null });
    const rosa = await db
      .selectFrom('supportContacts')
      .innerJoin('users', 'users.id', 'supportContacts.userId')
      .select(['supportContacts.patientId', 'users.language'])
      .where('users.email', '=', spanishDemoFamilyMember)
      .executeTakeFirstOrThrow();
    expect(rosa).toEqual({ patientId: lucia.id, language: 'es' });
    const consents = await db
      .selectFrom('consents')
      .select(['purpose', 'categories'])
      .where('organizationId', '=', organizationId)
      .where('patientId', '=', lucia.id)
      .execute();
    expect(consents).toEqual([
      { purpose: expect.stringContaining('Apoyo familiar'), categories: ['attendance'] },
    ]);
  });
});
