import { localDateAt } from '@tandem/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../audit/repository.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let organizationId: string;
let today: string;
let frontDesk: TestClient;
let clinician: TestClient;

interface Episode {
  id: string;
  status: string;
  admittedOn: string;
  setting: string;
  asam: { edition: string; level: string; label: string } | null;
  presentingProblems: string;
  version: number;
  substances: { substanceClass: string; isPrimary: boolean }[];
  diagnoses: { id: string; code: string; description: string; isPrimary: boolean; version: number }[];
  levelOfCareChanges: { fromSetting: string; setting: string; effectiveOn: string }[];
  intake: { total: number; completed: number; overdue: number };
}
interface ProblemBody {
  code: string;
  reason?: string;
  activeEpisodeId?: string;
  errors?: { path: string; message: string }[];
  current?: Episode;
}
interface IntakeItem {
  itemId: string;
  key: string;
  dueOn: string;
  completedOn: string | null;
  daysOverdue: number;
}

function daysBefore(date: string, days: number): string {
  const moment = new Date(`${date}T00:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() - days);
  return moment.toISOString().slice(0, 10);
}

let registered = 0;
/** A new patient, registered through the API by the front desk. */
async function newPatient(): Promise<string> {
  registered++;
  const { status, body } = await frontDesk.json<{ id: string }>('POST', '/api/patients', {
    legalGivenName: `Admission${'abcdefghij'[registered % 10]}`,
    legalFamilyName: `Testperson${registered}`,
    dateOfBirth: `1980-01-${String(registered).padStart(2, '0')}`,
    confirmedNotDuplicate: true,
  });
  expect(status).toBe(201);
  return body.id;
}

const admission = (admittedOn: string) => ({
  admittedOn,
  referralSource: 'criminal_justice',
  referralNote: 'Drug court',
  setting: 'intensive_outpatient',
  asam: { edition: '4', level: '2.1' },
  substances: [
    {
      substanceClass: 'opioids',
      specificSubstance: 'fentanyl',
      route: 'smoking',
      frequency: 'daily',
      isPrimary: true,
    },
    { substanceClass: 'alcohol', route: 'oral', frequency: 'one_to_two_times_per_week', ageOfFirstUse: 15 },
  ],
  diagnoses: [{ code: 'f11.20', isPrimary: true }, { code: 'F10.10' }],
  presentingProblems: 'Overdose two weeks ago; lost job.',
  coOccurringConditions: ['depression', 'chronic_pain'],
});

async function head(): Promise<number> {
  return (await auditRepository(server.database.db).chainHead(organizationId))?.lastSequence ?? 0;
}

beforeAll(async () => {
  server = await startTestServer();
  organizationId = server.demo?.organizationId ?? '';
  const organization = await server.database.db
    .selectFrom('organizations')
    .select('timeZone')
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  today = localDateAt(new Date(), organization.timeZone);
  frontDesk = await server.signIn(demoAccountFor('front_desk').email);
  clinician = await server.signIn(demoAccountFor('clinician').email);
});
afterAll(async () => {
  await server?.close();
});

describe('admitting a patient', () => {
  it('opens one episode with substances and diagnoses, activates the patient and makes the admitter case manager', async () => {
    const patientId = await newPatient();
    const registered = await frontDesk.json<{ status: string }>('GET', `/api/patients/${patientId}`);
    expect(registered.body.status).toBe('registered');
    const before = await head();
    const { status, body } = await clinician.json<{ episode: Episode; joinedCareTeamAs: string }>(
      'POST',
      `/api/patients/${patientId}/episodes`,
      admission(daysBefore(today, 2)),
    );
    expect(status).toBe(201);
    expect(body.joinedCareTeamAs).toBe('case_manager');
    expect(body.episode).toMatchObject({
      status: 'active',
      setting: 'intensive_outpatient',
      asam: { edition: '4', level: '2.1' },
      version: 1,
    });
    expect(body.episode.asam?.label).toContain('Intensive outpatient treatment');
    expect(body.episode.substances.map((s) => [s.substanceClass, s.isPrimary])).toEqual([
      ['opioids', true],
      ['alcohol', false],
    ]);
    expect(body.episode.diagnoses.map((d) => [d.code, d.isPrimary])).toEqual([
      ['F11.20', true],
      ['F10.10', false],
    ]);
    expect(body.episode.diagnoses[0]?.description).toBe('Opioid dependence, uncomplicated');
    expect(body.episode.intake.total).toBeGreaterThanOrEqual(4);

    const events = await auditRepository(server.database.db).eventsAfter(organizationId, before, 100);
    expect(events.map((event) => [event.resourceType, event.action, event.patientId])).toEqual([
      ['episode_of_care', 'create', patientId],
      ['care_team', 'create', patientId],
    ]);
    const team = await clinician.json<{ status: string; careTeam: { role: string; displayName: string }[] }>(
      'GET',
      `/api/patients/${patientId}`,
    );
    expect(team.body.status).toBe('active');
    expect(team.body.careTeam.map((member) => member.role)).toContain('case_manager');
  });

  it('refuses bad admissions field by field', async () => {
    const patientId = await newPatient();
    const { status, body } = await clinician.json<ProblemBody>(
      'POST',
      `/api/patients/${patientId}/episodes`,
      {
        ...admission(today),
        asam: { edition: '3', level: '2.7' },
        substances: [
          { substanceClass: 'opioids', route: 'smoking', frequency: 'daily', isPrimary: true },
          { substanceClass: 'cannabis', route: 'smoking', frequency: 'daily', isPrimary: true },
        ],
        setting: 'hospital',
      },
    );
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.path).sort()).toEqual(['body.asam.level', 'body.setting']);

    const semantic = await clinician.json<ProblemBody>('POST', `/api/patients/${patientId}/episodes`, {
      ...admission(today),
      substances: [
        { substanceClass: 'opioids', route: 'smoking', frequency: 'daily', isPrimary: true },
        { substanceClass: 'cannabis', route: 'smoking', frequency: 'daily', isPrimary: true },
      ],
      diagnoses: [{ code: 'F11.2', isPrimary: true }, { code: 'F32.9' }],
    });
    expect(semantic.status).toBe(400);
    expect(semantic.body.errors?.map((error) => error.path).sort()).toEqual([
      'body.diagnoses.0.code',
      'body.diagnoses.1.code',
      'body.substances',
    ]);
    const future = await clinician.json<ProblemBody>(
      'POST',
      `/api/patients/${patientId}/episodes`,
      admission('2999-01-01'),
    );
    expect(future.status).toBe(400);
    expect(future.body.errors?.[0]?.path).toBe('body.admittedOn');
    const episodes = await server.database.db
      .selectFrom('episodesOfCare')
      .select('id')
      .where('organizationId', '=', organizationId)
      .where('patientId', '=', patientId)
      .execute();
    expect(episodes).toEqual([]);
  });

  it('refuses an outpatient admission at ASAM 3.5 and a step to outpatient care at 3.7, naming asam.level', async () => {
    const patientId = await newPatient();
    const misfit = await clinician.json<ProblemBody>('POST', `/api/patients/${patientId}/episodes`, {
      ...admission(today),
      setting: 'outpatient',
      asam: { edition: '4', level: '3.5' },
    });
    expect(misfit.status).toBe(400);
    expect(misfit.body.errors?.map((error) => error.path)).toEqual(['body.asam.level']);

    const admitted = await clinician.json<{ episode: Episode }>(
      'POST',
      `/api/patients/${patientId}/episodes`,
      admission(today),
    );
    expect(admitted.status).toBe(201);
    const { id, version } = admitted.body.episode;
    const step = await clinician.json<ProblemBody>(
      'POST',
      `/api/patients/${patientId}/episodes/${id}/level-of-care-changes`,
      {
        effectiveOn: today,
        direction: 'step_up',
        setting: 'outpatient',
        asam: { edition: '4', level: '3.7' },
        reason: 'Relapse',
        version,
      },
    );
    expect(step.status).toBe(400);
    expect(step.body.errors?.map((error) => error.path)).toEqual(['body.asam.level']);
    const episode = await clinician.json<Episode>('GET', `/api/patients/${patientId}/episodes/${id}`);
    expect(episode.body).toMatchObject({ setting: 'intensive_outpatient', version });
  });

  it('produces one episode when two people admit the same patient at once', async () => {
    const patientId = await newPatient();
    const prescriber = await server.signIn(demoAccountFor('prescriber').email);
    const answers = await Promise.all([
      clinician.json<ProblemBody>('POST', `/api/patients/${patientId}/episodes`, admission(today)),
      prescriber.json<ProblemBody>('POST', `/api/patients/${patientId}/episodes`, admission(today)),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const refused = answers.find((answer) => answer.status === 409);
    expect(refused?.body.reason).toBe('already_admitted');
    const rows = await server.database.db
      .selectFrom('episodesOfCare')
      .select('id')
      .where('organizationId', '=', organizationId)
      .where('patientId', '=', patientId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(refused?.body.activeEpisodeId).toBe(rows[0]?.id);
  });

  it('keeps episodes from the front desk and patients, who keep the intake checklist or nothing', async () => {
    const patientId = await newPatient();
    const admitted = await clinician.json<{ episode: Episode }>(
      'POST',
      `/api/patients/${patientId}/episodes`,
      admission(today),
    );
    const episodeId = admitted.body.episode.id;
    expect((await frontDesk.json('GET', `/api/patients/${patientId}/episodes`)).status).toBe(403);
    expect(
      (await frontDesk.json('POST', `/api/patients/${patientId}/episodes`, admission(today))).status,
    ).toBe(403);
    expect(
      (await frontDesk.json('GET', `/api/patients/${patientId}/episodes/${episodeId}/intake`)).status,
    ).toBe(200);
    const patient = await server.signIn(demoAccountFor('patient').email);
    expect((await patient.json('GET', '/api/intake/overdue')).status).toBe(403);
    expect((await patient.json('GET', '/api/diagnoses?q=opioid')).status).toBe(200);
  });
});

describe('during an episode', () => {
  let patientId: string;
  let episode: Episode;

  beforeAll(async () => {
    patientId = await newPatient();
    const admitted = await clinician.json<{ episode: Episode }>(
      'POST',
      `/api/patients/${patientId}/episodes`,
      admission(daysBefore(today, 20)),
    );
    episode = admitted.body.episode;
  });

  it('refuses an edit on a stale version with 409 and the current episode', async () => {
    const url = `/api/patients/${patientId}/episodes/${episode.id}`;
    const first = await clinician.json<Episode>('PATCH', url, { presentingProblems: 'Updated', version: 1 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ presentingProblems: 'Updated', version: 2 });
    const stale = await clinician.json<ProblemBody>('PATCH', url, { presentingProblems: 'Mine', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.current).toMatchObject({ presentingProblems: 'Updated', version: 2 });
    episode = first.body;
  });

  it('records a step-down as a dated event and moves the episode to the new level', async () => {
    const url = `/api/patients/${patientId}/episodes/${episode.id}/level-of-care-changes`;
    const change = {
      effectiveOn: daysBefore(today, 5),
      direction: 'step_down',
      setting: 'outpatient',
      asam: { edition: '4', level: '1.5' },
      reason: 'Stable for two weeks',
      version: episode.version,
    };
    const early = await clinician.json<ProblemBody>('POST', url, {
      ...change,
      effectiveOn: daysBefore(today, 30),
    });
    expect(early.status).toBe(400);
    expect(early.body.errors?.[0]?.path).toBe('body.effectiveOn');
    const moved = await clinician.json<Episode>('POST', url, change);
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({
      setting: 'outpatient',
      asam: { level: '1.5' },
      version: episode.version + 1,
    });
    expect(moved.body.levelOfCareChanges).toEqual([
      expect.objectContaining({
        fromSetting: 'intensive_outpatient',
        setting: 'outpatient',
        effectiveOn: change.effectiveOn,
      }),
    ]);
    const stale = await clinician.json<ProblemBody>('POST', url, { ...change, setting: 'maintenance_only' });
    expect(stale.status).toBe(409);
    expect(stale.body.current?.setting).toBe('outpatient');
    episode = moved.body;
  });

  it('adds and changes diagnoses, billable F10-F19 codes only, one primary', async () => {
    // Diagnosing is the prescriber's or the primary therapist's place, not the admitting case manager's.
    const caseManagerTries = await clinician.json(
      'POST',
      `/api/patients/${patientId}/episodes/${episode.id}/diagnoses`,
      { code: 'F12.20' },
    );
    expect(caseManagerTries.status).toBe(403);
    const prescriberStaff = await server.database.db
      .selectFrom('staffMembers')
      .select('id')
      .where('organizationId', '=', organizationId)
      .where('email', '=', demoAccountFor('prescriber').email)
      .executeTakeFirstOrThrow();
    await server.database.db
      .insertInto('careTeamMembers')
      .values({ organizationId, patientId, staffMemberId: prescriberStaff.id, role: 'prescriber' })
      .execute();
    const prescriber = await server.signIn(demoAccountFor('prescriber').email);
    const url = `/api/patients/${patientId}/episodes/${episode.id}/diagnoses`;
    const header = await prescriber.json<ProblemBody>('POST', url, { code: 'F12' });
    expect(header.status).toBe(400);
    expect(header.body.errors?.[0]).toMatchObject({ path: 'body.code' });
    const outside = await prescriber.json<ProblemBody>('POST', url, { code: 'F32.9' });
    expect(outside.status).toBe(400);
    const added = await prescriber.json<{ id: string; isPrimary: boolean; version: number }>('POST', url, {
      code: 'F12.20',
      isPrimary: true,
      verificationStatus: 'provisional',
    });
    expect(added.status).toBe(201);
    const again = await prescriber.json<ProblemBody>('POST', url, { code: 'F12.20' });
    expect(again.status).toBe(400);
    const timeline = await prescriber.json<{ items: Episode[] }>(
      'GET',
      `/api/patients/${patientId}/episodes`,
    );
    const primaries = timeline.body.items[0]?.diagnoses.filter((diagnosis) => diagnosis.isPrimary);
    expect(primaries?.map((diagnosis) => diagnosis.code)).toEqual(['F12.20']);
    const remission = await prescriber.json<{ clinicalStatus: string; version: number }>(
      'PATCH',
      `${url}/${added.body.id}`,
      { clinicalStatus: 'remission', version: added.body.version },
    );
    expect(remission.body).toMatchObject({ clinicalStatus: 'remission', version: added.body.version + 1 });
    const stale = await prescriber.json<ProblemBody>('PATCH', `${url}/${added.body.id}`, {
      clinicalStatus: 'resolved',
      version: added.body.version,
    });
    expect(stale.status).toBe(409);
  });

  it('shows what is overdue on the intake checklist, by the program’s calendar', async () => {
    const checklistUrl = `/api/patients/${patientId}/episodes/${episode.id}/intake`;
    const checklist = await frontDesk.json<{ items: IntakeItem[] }>('GET', checklistUrl);
    expect(checklist.status).toBe(200);
    const byKey = new Map(checklist.body.items.map((item) => [item.key, item]));
    expect(byKey.get('plan_written')).toMatchObject({ dueOn: daysBefore(today, 13), daysOverdue: 13 });
    expect(byKey.get('consents_signed')?.daysOverdue).toBe(19);

    const orientation = byKey.get('orientation') as IntakeItem;
    const ticked = await frontDesk.json<{ items: IntakeItem[] }>(
      'POST',
      `${checklistUrl}/${orientation.itemId}`,
      {
        completedOn: daysBefore(today, 19),
      },
    );
    expect(ticked.status).toBe(200);
    expect(ticked.body.items.find((item) => item.key === 'orientation')).toMatchObject({
      completedOn: daysBefore(today, 19),
      daysOverdue: 0,
    });
    const tooEarly = await frontDesk.json<ProblemBody>('POST', `${checklistUrl}/${orientation.itemId}`, {
      completedOn: daysBefore(today, 40),
    });
    expect(tooEarly.status).toBe(400);

    const audit = auditRepository(server.database.db);
    const beforeOverdue = (await audit.chainHead(organizationId))?.lastSequence ?? 0;
    const overdue = await clinician.json<{
      items: {
        patientId: string;
        episodeId: string;
        itemLabel: string;
        daysOverdue: number;
        mrn: string;
        onMyCareTeam: boolean;
      }[];
    }>('GET', '/api/intake/overdue');
    expect(overdue.status).toBe(200);
    const mine = overdue.body.items.filter((item) => item.episodeId === episode.id);
    expect(mine.map((item) => item.itemLabel).sort()).toEqual(
      ['Consents signed', 'Intake assessments done', 'Treatment plan written'].sort(),
    );
    expect(mine.every((item) => item.onMyCareTeam && item.mrn.length > 0)).toBe(true);
    expect(overdue.body.items[0]?.onMyCareTeam).toBe(true);
    // A list read is audited per patient it names, so it shows in each one's "who accessed this record".
    const overdueReads = await audit.eventsAfter(organizationId, beforeOverdue, 1000);
    expect(new Set(overdueReads.map((event) => event.patientId))).toEqual(
      new Set(overdue.body.items.map((item) => item.patientId)),
    );
    expect(
      overdueReads.filter((event) => event.patientId === patientId).map((event) => event.resourceType),
    ).toEqual(['patient_demographics', 'intake_checklist']);

    const admin = await server.signIn(demoAccountFor('admin').email);
    const added = await admin.json<{ key: string }>('POST', '/api/settings/intake-checklist', {
      label: 'Medication reconciliation',
      dueWithinDays: 30,
    });
    expect(added.status).toBe(201);
    expect(added.body.key).toBe('medication_reconciliation');
    expect(
      (await clinician.json('POST', '/api/settings/intake-checklist', { label: 'X', dueWithinDays: 1 }))
        .status,
    ).toBe(403);
    const summary = await clinician.json<Episode>('GET', `/api/patients/${patientId}/episodes/${episode.id}`);
    expect(summary.body.intake).toMatchObject({ completed: 1, overdue: 3 });

    const unticked = await frontDesk.json<{ items: IntakeItem[] }>(
      'DELETE',
      `${checklistUrl}/${orientation.itemId}`,
    );
    expect(unticked.body.items.find((item) => item.key === 'orientation')?.completedOn).toBeNull();
  });

  it('refuses the front desk completing or reopening a clinical intake item with 403, and leaves its alert standing', async () => {
    const checklistUrl = `/api/patients/${patientId}/episodes/${episode.id}/intake`;
    const checklist = await frontDesk.json<{ items: (IntakeItem & { kind: string })[] }>('GET', checklistUrl);
    const byKey = new Map(checklist.body.items.map((item) => [item.key, item]));
    expect(byKey.get('assessments_done')?.kind).toBe('clinical');
    expect(byKey.get('orientation')?.kind).toBe('administrative');
    const assessments = byKey.get('assessments_done') as IntakeItem;
    const before = await head();

    const refused = await frontDesk.json<ProblemBody & { detail: string }>(
      'POST',
      `${checklistUrl}/${assessments.itemId}`,
      { completedOn: today },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/clinical staff/);
    // Nothing changed, and the attempt is in the trail as denied, with why.
    const trail = await auditRepository(server.database.db).eventsAfter(organizationId, before, 100);
    expect(trail.map((event) => [event.resourceType, event.resourceId, event.outcome])).toEqual([
      ['intake_checklist', assessments.itemId, 'denied'],
    ]);
    expect(trail[0]?.reason).toMatch(/clinical staff/);
    const overdue = await clinician.json<{ items: { episodeId: string; itemLabel: string }[] }>(
      'GET',
      '/api/intake/overdue',
    );
    expect(
      overdue.body.items.some(
        (item) => item.episodeId === episode.id && item.itemLabel === 'Intake assessments done',
      ),
    ).toBe(true);

    const done = await clinician.json<{ items: IntakeItem[] }>(
      'POST',
      `${checklistUrl}/${assessments.itemId}`,
      {
        completedOn: today,
      },
    );
    expect(done.status).toBe(200);
    expect((await frontDesk.json('DELETE', `${checklistUrl}/${assessments.itemId}`)).status).toBe(403);
    expect((await clinician.json('DELETE', `${checklistUrl}/${assessments.itemId}`)).status).toBe(200);

    const admin = await server.signIn(demoAccountFor('admin').email);
    const paperwork = await admin.json<{ kind: string }>('POST', '/api/settings/intake-checklist', {
      label: 'Insurance card copied',
      dueWithinDays: 2,
      kind: 'administrative',
    });
    expect(paperwork.body.kind).toBe('administrative');
    const unsaid = await admin.json<{ kind: string }>('POST', '/api/settings/intake-checklist', {
      label: 'Urine drug screen reviewed',
      dueWithinDays: 2,
    });
    expect(unsaid.body.kind).toBe('clinical');
  });

  it('discharges with a type and aftercare plan, keeps the care team, and allows a later readmission', async () => {
    const url = `/api/patients/${patientId}/episodes/${episode.id}/discharge`;
    const noPlan = await clinician.json<ProblemBody>('POST', url, {
      dischargedOn: today,
      dischargeType: 'planned_completion',
      version: episode.version,
    });
    expect(noPlan.status).toBe(400);
    expect(noPlan.body.errors?.[0]?.path).toBe('body.aftercarePlan');
    const before = await head();
    const discharged = await clinician.json<{ episode: Episode; careTeamRemains: { role: string }[] }>(
      'POST',
      url,
      {
        dischargedOn: today,
        dischargeType: 'planned_completion',
        aftercarePlan: 'Weekly alumni group; call in 7 days',
        version: episode.version,
      },
    );
    expect(discharged.status).toBe(200);
    expect(discharged.body.episode).toMatchObject({ status: 'discharged', intake: { overdue: 0 } });
    expect(discharged.body.careTeamRemains.map((member) => member.role)).toContain('case_manager');
    const events = await auditRepository(server.database.db).eventsAfter(organizationId, before, 100);
    expect(events.filter((event) => event.action === 'update').map((event) => event.resourceType)).toEqual([
      'episode_of_care',
    ]);
    const patient = await server.database.db
      .selectFrom('patients')
      .select('status')
      .where('organizationId', '=', organizationId)
      .where('id', '=', patientId)
      .executeTakeFirstOrThrow();
    expect(patient.status).toBe('discharged');
    const twice = await clinician.json<ProblemBody>('POST', url, {
      dischargedOn: today,
      dischargeType: 'administrative',
      aftercarePlan: 'x',
      version: discharged.body.episode.version,
    });
    expect(twice.status).toBe(409);

    const readmitted = await clinician.json<{ episode: Episode }>(
      'POST',
      `/api/patients/${patientId}/episodes`,
      admission(today),
    );
    expect(readmitted.status).toBe(201);
    const timeline = await clinician.json<{ items: Episode[] }>('GET', `/api/patients/${patientId}/episodes`);
    expect(timeline.body.items.map((item) => item.status)).toEqual(['active', 'discharged']);
  });
});
