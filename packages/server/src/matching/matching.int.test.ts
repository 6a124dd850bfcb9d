import type { CoOccurringCondition, SubstanceClass } from '@tandem/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CareTeam } from '../care-team/schemas.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { insertPatient, staffMemberIdOf } from '../testing/invitation-fixtures.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';
import type { TherapistSuggestions } from './schemas.ts';

let server: TestServer;
let organizationId: string;
let clinician: TestClient;
let supervisor: TestClient;
let frontDesk: TestClient;
const staff: Record<'casey' | 'sam' | 'rosa' | 'morgan' | 'tom' | 'dana', string> = {
  casey: '',
  sam: '',
  rosa: '',
  morgan: '',
  tom: '',
  dana: '',
};

beforeAll(async () => {
  server = await startTestServer();
  organizationId = server.demo?.organizationId ?? '';
  clinician = await server.signIn(demoAccountFor('clinician').email);
  supervisor = await server.signIn(demoAccountFor('supervisor').email);
  frontDesk = await server.signIn(demoAccountFor('front_desk').email);
  const idOf = (email: string) => staffMemberIdOf(server.database.db, organizationId, email);
  staff.casey = await idOf(demoAccountFor('clinician').email);
  staff.sam = await idOf(demoAccountFor('supervisor').email);
  staff.rosa = await idOf('rosa.delgado@demo.tandem.test');
  staff.morgan = await idOf('morgan.lee@demo.tandem.test');
  staff.tom = await idOf('tom.becker@demo.tandem.test');
  staff.dana = await idOf('dana.brooks@demo.tandem.test');
});
afterAll(async () => {
  await server?.close();
});

/** An episode written straight to the tables (the admission API is tested on its own). */
async function insertEpisode(
  patientId: string,
  episode: {
    admittedOn: string;
    dischargedOn?: string;
    substances: SubstanceClass[];
    coOccurring?: CoOccurringCondition[];
  },
): Promise<string> {
  const { db } = server.database;
  const discharged = episode.dischargedOn !== undefined;
  const { id } = await db
    .insertInto('episodesOfCare')
    .values({
      organizationId,
      patientId,
      status: discharged ? 'discharged' : 'active',
      admittedOn: episode.admittedOn,
      referralSource: 'self',
      setting: 'outpatient',
      coOccurringConditions: episode.coOccurring ?? [],
      dischargedOn: episode.dischargedOn ?? null,
      dischargeType: discharged ? 'planned_completion' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [position, substanceClass] of episode.substances.entries()) {
    await db
      .insertInto('episodeSubstances')
      .values({
        organizationId,
        episodeId: id,
        substanceClass,
        route: 'oral',
        frequency: 'daily',
        isPrimary: position === 0,
        position,
      })
      .execute();
  }
  return id;
}

async function place(
  patientId: string,
  staffMemberId: string,
  role: 'primary_therapist' | 'case_manager',
  startedAt?: string,
  endedAt?: string,
) {
  await server.database.db
    .insertInto('careTeamMembers')
    .values({
      organizationId,
      patientId,
      staffMemberId,
      role,
      ...(startedAt === undefined ? {} : { startedAt }),
      ...(endedAt === undefined ? {} : { endedAt }),
    })
    .execute();
}

async function suggestionsFor(client: TestClient, patientId: string) {
  const response = await client.json<TherapistSuggestions>(
    'GET',
    `/api/patients/${patientId}/therapist-suggestions`,
  );
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

const caseloads = async () => {
  const rows = await server.database.db
    .selectFrom('careTeamMembers')
    .select(['staffMemberId', server.database.db.fn.countAll<string>().as('n')])
    .where('organizationId', '=', organizationId)
    .where('role', '=', 'primary_therapist')
    .where('endedAt', 'is', null)
    .groupBy('staffMemberId')
    .execute();
  return new Map(rows.map((row) => [row.staffMemberId, Number(row.n)]));
};

describe('therapist suggestions', () => {
  let maria: string;

  beforeAll(async () => {
    const { db } = server.database;
    maria = await insertPatient(db, organizationId, { given: 'María', family: 'Suárez' });
    await db.updateTable('patients').set({ preferredLanguage: 'es-MX' }).where('id', '=', maria).execute();
    await insertEpisode(maria, { admittedOn: '2025-05-02', substances: ['opioids'], coOccurring: ['ptsd'] });
    // The admitting clinician stays on the team as case manager until a primary therapist is chosen.
    await place(maria, staff.casey, 'case_manager');
    // Tom Becker (demo: one patient of two) is now full.
    await db.updateTable('staffMembers').set({ maxCaseload: 1 }).where('id', '=', staff.tom).execute();
  });

  it('ranks the Spanish-speaking, trauma-focused clinician with opioid experience first, and a full caseload last', async () => {
    const result = await suggestionsFor(clinician, maria);
    expect(result.episode).toMatchObject({ status: 'active', admittedOn: '2025-05-02' });
    expect(result.basis).toEqual({
      substances: [{ substance: 'opioids', primary: true }],
      coOccurring: ['ptsd'],
      preferredLanguage: 'es-MX',
      preferredTherapistGender: null,
      familySessions: false,
      earlierTherapists: [],
    });
    expect(result.suggestedApproaches.map((s) => s.approach)).toEqual([
      'motivational_interviewing',
      'cbt',
      'medication_management',
      'trauma_focused',
    ]);
    expect(result.suggestedApproaches.every((s) => s.source.length > 0 && s.origin === 'admission')).toBe(
      true,
    );

    const [first, second] = result.suggestions;
    expect(first).toMatchObject({
      staffMemberId: staff.rosa,
      displayName: 'Rosa Delgado, LCDC',
      rank: 1,
      available: true,
      isCurrentPrimaryTherapist: false,
    });
    expect(first?.reasons).toEqual(
      expect.arrayContaining([
        'offers MI and trauma-focused therapy',
        '12 years opioid experience',
        'experienced with PTSD',
        'speaks Spanish',
      ]),
    );
    // The other Spanish speaker comes next.
    expect(second?.staffMemberId).toBe(staff.casey);

    const last = result.suggestions.at(-1);
    expect(last).toMatchObject({
      staffMemberId: staff.tom,
      available: false,
      caseload: { current: 1, max: 1 },
    });
    expect(last?.concerns[0]).toBe('caseload full (1/1)');
    expect(result.suggestions.filter((s) => !s.available).map((s) => s.staffMemberId)).toEqual([staff.tom]);
    expect(result.suggestions.map((s) => s.rank)).toEqual(result.suggestions.map((_s, index) => index + 1));
  });

  it('offers only active clinicians and supervisors, each with the caseload counted from the care teams', async () => {
    const result = await suggestionsFor(clinician, maria);
    expect(new Set(result.suggestions.map((s) => s.staffMemberId))).toEqual(new Set(Object.values(staff)));
    expect(
      result.suggestions.map((s) => s.jobRole).every((job) => ['clinician', 'supervisor'].includes(job)),
    ).toBe(true);
    const counted = await caseloads();
    for (const suggestion of result.suggestions) {
      expect(suggestion.caseload.current, suggestion.displayName).toBe(
        counted.get(suggestion.staffMemberId) ?? 0,
      );
    }
    // A clinician without their own maximum is measured by the program's default.
    await server.database.db
      .updateTable('staffMembers')
      .set({ maxCaseload: null })
      .where('id', '=', staff.dana)
      .execute();
    await server.database.db
      .updateTable('organizations')
      .set({ defaultMaxCaseload: 12 })
      .where('id', '=', organizationId)
      .execute();
    const withDefault = await suggestionsFor(clinician, maria);
    expect(withDefault.defaultMaxCaseload).toBe(12);
    expect(withDefault.suggestions.find((s) => s.staffMemberId === staff.dana)?.caseload).toEqual({
      current: 0,
      max: 12,
    });
    expect(withDefault.suggestions.find((s) => s.staffMemberId === staff.dana)?.reasons).toContain(
      '0/12 caseload',
    );
  });

  it('is clinical: closed to front desk and to clinicians off the care team', async () => {
    expect((await frontDesk.request('GET', `/api/patients/${maria}/therapist-suggestions`)).status).toBe(403);
    const stranger = await insertPatient(server.database.db, organizationId, { given: 'No', family: 'Team' });
    expect((await clinician.request('GET', `/api/patients/${stranger}/therapist-suggestions`)).status).toBe(
      403,
    );
    // The supervisor relates through the clinician they supervise.
    expect((await supervisor.request('GET', `/api/patients/${maria}/therapist-suggestions`)).status).toBe(
      200,
    );
  });

  it('counts the chosen therapist’s new patient and marks them current once assigned', async () => {
    const before = await suggestionsFor(clinician, maria);
    const rosaBefore = before.suggestions.find((s) => s.staffMemberId === staff.rosa);
    expect(before.currentPrimaryTherapist).toBeNull();
    const assigned = await clinician.json<CareTeam>('POST', `/api/patients/${maria}/care-team`, {
      staffMemberId: staff.rosa,
      role: 'primary_therapist',
      reason: 'Best fit: Spanish, trauma-focused',
      replacesMemberId: null,
    });
    expect(assigned.status).toBe(201);
    const after = await suggestionsFor(clinician, maria);
    expect(after.currentPrimaryTherapist).toMatchObject({
      staffMemberId: staff.rosa,
      staffName: 'Rosa Delgado, LCDC',
    });
    const rosaAfter = after.suggestions.find((s) => s.staffMemberId === staff.rosa);
    expect(rosaAfter?.isCurrentPrimaryTherapist).toBe(true);
    expect(rosaAfter?.caseload.current).toBe((rosaBefore?.caseload.current ?? 0) + 1);
  });

  it('prefers the therapist of an earlier episode, the most recent first, but not one from this episode', async () => {
    const { db } = server.database;
    const lena = await insertPatient(db, organizationId, { given: 'Lena', family: 'Returning' });
    await db
      .updateTable('patients')
      .set({ preferredTherapistGender: 'woman' })
      .where('id', '=', lena)
      .execute();
    await insertEpisode(lena, {
      admittedOn: '2021-02-01',
      dischargedOn: '2021-09-30',
      substances: ['alcohol'],
    });
    await insertEpisode(lena, {
      admittedOn: '2023-01-05',
      dischargedOn: '2023-06-01',
      substances: ['alcohol'],
    });
    await insertEpisode(lena, {
      admittedOn: '2025-03-01',
      substances: ['alcohol', 'cannabis'],
      coOccurring: ['anxiety'],
    });
    await place(lena, staff.sam, 'primary_therapist', '2021-02-03T17:00:00Z', '2021-09-30T17:00:00Z');
    await place(lena, staff.morgan, 'primary_therapist', '2023-01-10T17:00:00Z', '2023-06-01T17:00:00Z');
    // Began in the current episode and ended: a change within this episode, not continuity.
    await place(lena, staff.casey, 'primary_therapist', '2025-03-03T17:00:00Z', '2025-04-01T17:00:00Z');
    await place(lena, staff.casey, 'case_manager');
    await db
      .insertInto('supportContacts')
      .values({
        organizationId,
        patientId: lena,
        name: 'Ana Returning',
        relationship: 'sister',
        mayJoinFamilySessions: true,
      })
      .execute();

    const result = await suggestionsFor(clinician, lena);
    expect(result.basis.earlierTherapists).toEqual([
      { staffMemberId: staff.morgan, displayName: 'Morgan Lee, LMFT' },
      { staffMemberId: staff.sam, displayName: 'Dr. Sam Okafor' },
    ]);
    expect(result.basis.familySessions).toBe(true);
    expect(result.suggestedApproaches.find((s) => s.approach === 'family_therapy')).toMatchObject({
      reason: 'loved ones may join family sessions',
      source: expect.stringContaining('TIP 39'),
    });
    const continuity = (id: string) =>
      result.suggestions.find((s) => s.staffMemberId === id)?.factors.find((f) => f.factor === 'continuity');
    expect(continuity(staff.morgan)).toEqual({ factor: 'continuity', points: 10, maxPoints: 10 });
    expect(continuity(staff.sam)).toEqual({ factor: 'continuity', points: 5, maxPoints: 10 });
    expect(continuity(staff.casey)?.points).toBe(0);
    const morgan = result.suggestions.find((s) => s.staffMemberId === staff.morgan);
    expect(morgan?.reasons).toContain('saw this patient in an earlier episode');
    // The stated preference is weighed and said, never a filter.
    expect(morgan?.concerns).toContain('patient prefers a woman therapist');
  });

  it('puts the contingency-management stimulant specialist first for a methamphetamine and cocaine patient', async () => {
    const { db } = server.database;
    const sol = await insertPatient(db, organizationId, { given: 'Sol', family: 'Stimulant' });
    await insertEpisode(sol, { admittedOn: '2025-06-10', substances: ['other_stimulants', 'cocaine'] });
    await place(sol, staff.casey, 'case_manager');
    const result = await suggestionsFor(clinician, sol);
    expect(result.suggestedApproaches.find((s) => s.approach === 'contingency_management')?.reason).toBe(
      'cocaine and stimulant use: CM has the strongest evidence for stimulant use disorders',
    );
    expect(result.suggestions[0]).toMatchObject({ staffMemberId: staff.dana, available: true });
    // Regression: other_stimulants came back camel-cased from the jsonb and counted as no experience.
    expect(result.suggestions[0]?.reasons).toEqual(
      expect.arrayContaining([
        'offers MI, CBT, and CM',
        '7 years stimulant experience',
        '6 years cocaine experience',
      ]),
    );
  });

  it('ranks on preferences alone before any admission, and says when nobody speaks the patient’s language', async () => {
    const { db } = server.database;
    const minh = await insertPatient(db, organizationId, { given: 'Minh', family: 'Tran' });
    await db.updateTable('patients').set({ preferredLanguage: 'vi' }).where('id', '=', minh).execute();
    await place(minh, staff.casey, 'case_manager');
    const result = await suggestionsFor(clinician, minh);
    expect(result.episode).toBeNull();
    expect(result.suggestedApproaches).toEqual([]);
    // Before any episode, only a former therapist counts as an earlier one, never the current one.
    await place(minh, staff.morgan, 'primary_therapist', '2024-01-02T10:00:00Z', '2024-05-01T10:00:00Z');
    await place(minh, staff.rosa, 'primary_therapist');
    const later = await suggestionsFor(clinician, minh);
    expect(later.basis.earlierTherapists.map((t) => t.staffMemberId)).toEqual([staff.morgan]);
    expect(result.suggestions.length).toBe(Object.keys(staff).length);
    expect(result.notes).toContain('no available clinician speaks Vietnamese: arrange an interpreter');
  });
});
