import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../audit/repository.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { insertPatient, staffMemberIdOf } from '../testing/invitation-fixtures.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';
import type { CareTeam, CareTeamPlace } from './schemas.ts';

let server: TestServer;
let organizationId: string;
let clinician: TestClient;
let supervisor: TestClient;
let frontDesk: TestClient;
let patientClient: TestClient;
let pat: string;
let riley: string;
const staff: Record<'casey' | 'priya' | 'sam' | 'rosa' | 'morgan' | 'dana' | 'admin' | 'frontDesk', string> =
  {
    casey: '',
    priya: '',
    sam: '',
    rosa: '',
    morgan: '',
    dana: '',
    admin: '',
    frontDesk: '',
  };

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  organizationId = server.demo?.organizationId ?? '';
  clinician = await server.signIn(demoAccountFor('clinician').email);
  supervisor = await server.signIn(demoAccountFor('supervisor').email);
  frontDesk = await server.signIn(demoAccountFor('front_desk').email);
  patientClient = await server.signIn(demoAccountFor('patient').email);
  const idOf = (email: string) => staffMemberIdOf(db, organizationId, email);
  staff.casey = await idOf(demoAccountFor('clinician').email);
  staff.priya = await idOf(demoAccountFor('prescriber').email);
  staff.sam = await idOf(demoAccountFor('supervisor').email);
  staff.admin = await idOf(demoAccountFor('admin').email);
  staff.frontDesk = await idOf(demoAccountFor('front_desk').email);
  staff.rosa = await idOf('rosa.delgado@demo.tandem.test');
  staff.morgan = await idOf('morgan.lee@demo.tandem.test');
  staff.dana = await idOf('dana.brooks@demo.tandem.test');
  const find = async (given: string) =>
    (
      await db
        .selectFrom('patients')
        .select('id')
        .where('organizationId', '=', organizationId)
        .where('legalGivenName', '=', given)
        .executeTakeFirstOrThrow()
    ).id;
  pat = await find('Pat');
  riley = await find('Riley');
});
afterAll(async () => {
  await server?.close();
});

const teamOf = async (client: TestClient, patientId: string) => {
  const response = await client.json<CareTeam>('GET', `/api/patients/${patientId}/care-team`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
};
const currentPlace = (team: CareTeam, staffMemberId: string, role: string): CareTeamPlace => {
  const place = team.current.find((p) => p.staffMemberId === staffMemberId && p.role === role);
  if (place === undefined) throw new Error(`no current ${role} place for ${staffMemberId}`);
  return place;
};
const placeRows = async () =>
  Number(
    (
      await server.database.db
        .selectFrom('careTeamMembers')
        .select(server.database.db.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('reading a care team', () => {
  it('shows the current places with staff name, job and start, to all staff and to the patient', async () => {
    for (const client of [clinician, frontDesk, patientClient]) {
      const team = await teamOf(client, pat);
      expect(team.current.map((p) => [p.role, p.staffName])).toEqual([
        ['primary_therapist', 'Dr. Casey Rivera'],
        ['prescriber', 'Dr. Priya Natarajan'],
      ]);
      expect(team.current[0]).toMatchObject({
        staffJobRole: 'clinician',
        staffCredentials: ['LCSW', 'CADC'],
        staffActive: true,
        endedAt: null,
        version: 1,
      });
      expect(Date.parse(team.current[0]?.startedAt ?? '')).not.toBeNaN();
    }
  });

  it('is closed to a family member and to anyone outside the organization', async () => {
    const family = await server.signIn(demoAccountFor('family_member').email);
    expect((await family.request('GET', `/api/patients/${pat}/care-team`)).status).toBe(403);
    expect(
      (await clinician.request('GET', '/api/patients/01900000-0000-7000-8000-000000000000/care-team')).status,
    ).toBe(404);
  });
});

describe('assigning places', () => {
  it('lets the primary therapist add a case manager, recording who and why', async () => {
    const response = await clinician.json<CareTeam>('POST', `/api/patients/${pat}/care-team`, {
      staffMemberId: staff.rosa,
      role: 'case_manager',
      reason: 'Housing and benefits support',
    });
    expect(response.status).toBe(201);
    const place = currentPlace(response.body, staff.rosa, 'case_manager');
    expect(place).toMatchObject({
      staffName: 'Rosa Delgado, LCDC',
      assignedByName: 'Dr. Casey Rivera',
      assignmentReason: 'Housing and benefits support',
      endedAt: null,
    });
    // Everyone else keeps their place.
    expect(response.body.current.map((p) => p.role)).toEqual([
      'primary_therapist',
      'case_manager',
      'prescriber',
    ]);
    const again = await clinician.json<{ code: string }>('POST', `/api/patients/${pat}/care-team`, {
      staffMemberId: staff.rosa,
      role: 'case_manager',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict');
  });

  it('refuses a job that does not fit the place, an unknown or inactive staff member, with a message on the field', async () => {
    const before = await placeRows();
    const tries: [Record<string, unknown>, string, RegExp][] = [
      [
        { staffMemberId: staff.casey, role: 'prescriber' },
        'body.role',
        /needs a prescriber; Dr. Casey Rivera is a clinician/,
      ],
      [
        { staffMemberId: staff.priya, role: 'primary_therapist' },
        'body.role',
        /needs a clinician or clinical supervisor/,
      ],
      [{ staffMemberId: staff.admin, role: 'case_manager' }, 'body.role', /is an administrator/],
      [{ staffMemberId: staff.frontDesk, role: 'group_facilitator' }, 'body.role', /is a front desk/],
      [{ staffMemberId: staff.casey, role: 'supervisor' }, 'body.role', /needs a clinical supervisor/],
      [
        { staffMemberId: '01900000-0000-7000-8000-000000000000', role: 'case_manager' },
        'body.staffMemberId',
        /No such staff member/,
      ],
      [{ staffMemberId: staff.rosa, role: 'therapist' }, 'body.role', /./],
      [{ role: 'case_manager' }, 'body.staffMemberId', /./],
      [{ staffMemberId: staff.morgan, role: 'case_manager', reason: '   ' }, 'body.reason', /Say why/],
    ];
    for (const [body, path, message] of tries) {
      const response = await clinician.json<{ errors: { path: string; message: string }[] }>(
        'POST',
        `/api/patients/${pat}/care-team`,
        body,
      );
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors).toEqual([{ path, message: expect.stringMatching(message) }]);
    }
    const { db } = server.database;
    await db.updateTable('staffMembers').set({ active: false }).where('id', '=', staff.dana).execute();
    const inactive = await clinician.json<{ errors: { path: string; message: string }[] }>(
      'POST',
      `/api/patients/${pat}/care-team`,
      { staffMemberId: staff.dana, role: 'group_facilitator' },
    );
    await db.updateTable('staffMembers').set({ active: true }).where('id', '=', staff.dana).execute();
    expect(inactive.status).toBe(400);
    expect(inactive.body.errors).toEqual([
      { path: 'body.staffMemberId', message: 'Dana Brooks, LPC is no longer active' },
    ]);
    expect(await placeRows()).toBe(before);
  });

  it('lets front desk and clinicians off the team read but not change it; a supervisor may change any team', async () => {
    const body = { staffMemberId: staff.dana, role: 'group_facilitator' };
    expect((await frontDesk.request('POST', `/api/patients/${pat}/care-team`, body)).status).toBe(403);
    expect((await clinician.request('POST', `/api/patients/${riley}/care-team`, body)).status).toBe(403);
    expect((await patientClient.request('POST', `/api/patients/${pat}/care-team`, body)).status).toBe(403);
    const bySupervisor = await supervisor.json<CareTeam>('POST', `/api/patients/${riley}/care-team`, body);
    expect(bySupervisor.status).toBe(201);
    expect(currentPlace(bySupervisor.body, staff.dana, 'group_facilitator').assignedByName).toBe(
      'Dr. Sam Okafor',
    );
  });
});

describe('changing the primary therapist', () => {
  it('ends the current place in the same transaction, with who ended it and why, and audits both', async () => {
    const { db } = server.database;
    const patientId = await insertPatient(db, organizationId, { given: 'Quinn', family: 'Change' });
    await db
      .insertInto('careTeamMembers')
      .values({ organizationId, patientId, staffMemberId: staff.casey, role: 'primary_therapist' })
      .execute();
    const before = await teamOf(supervisor, patientId);
    const caseyPlace = currentPlace(before, staff.casey, 'primary_therapist');
    const audit = auditRepository(db);
    const head = (await audit.chainHead(organizationId))?.lastSequence ?? 0;

    const response = await supervisor.json<CareTeam>('POST', `/api/patients/${patientId}/care-team`, {
      staffMemberId: staff.rosa,
      role: 'primary_therapist',
      reason: 'Patient asked for a Spanish-speaking therapist',
      replacesMemberId: caseyPlace.id,
    });
    expect(response.status).toBe(201);
    const after = response.body;
    expect(after.current.filter((p) => p.role === 'primary_therapist').map((p) => p.staffName)).toEqual([
      'Rosa Delgado, LCDC',
    ]);
    const ended = after.history.find((p) => p.id === caseyPlace.id);
    expect(ended).toMatchObject({
      staffName: 'Dr. Casey Rivera',
      endedByName: 'Dr. Sam Okafor',
      changeReason: 'Patient asked for a Spanish-speaking therapist',
      version: caseyPlace.version + 1,
    });
    expect(Date.parse(ended?.endedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(caseyPlace.startedAt));
    // The history keeps both, the latest change first.
    expect(after.history.map((p) => [p.staffName, p.endedAt === null])).toEqual([
      ['Rosa Delgado, LCDC', true],
      ['Dr. Casey Rivera', false],
    ]);

    const events = (await audit.eventsAfter(organizationId, head, 100)).filter(
      (event) => event.resourceType === 'care_team_member',
    );
    expect(events.map((event) => [event.resourceId, event.action, event.patientId])).toEqual([
      [caseyPlace.id, 'create', patientId],
      [currentPlace(after, staff.rosa, 'primary_therapist').id, 'create', patientId],
    ]);
    expect(events.every((event) => event.actorRole === 'supervisor' && event.outcome === 'allowed')).toBe(
      true,
    );
  });

  it('refuses a replacement of a primary therapist who changed meanwhile, with the team as it is now', async () => {
    const { db } = server.database;
    const patientId = await insertPatient(db, organizationId, { given: 'Stale', family: 'Replace' });
    const first = await supervisor.json<CareTeam>('POST', `/api/patients/${patientId}/care-team`, {
      staffMemberId: staff.morgan,
      role: 'primary_therapist',
      replacesMemberId: null,
    });
    expect(first.status).toBe(201);
    // Someone who still saw no primary therapist.
    const stale = await supervisor.json<{ code: string; careTeam: CareTeam }>(
      'POST',
      `/api/patients/${patientId}/care-team`,
      { staffMemberId: staff.rosa, role: 'primary_therapist', replacesMemberId: null },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.careTeam).toEqual(first.body);
    expect(await teamOf(supervisor, patientId)).toEqual(first.body);
  });

  it('gives two people assigning at once one primary therapist, not two', async () => {
    const { db } = server.database;
    const patientId = await insertPatient(db, organizationId, { given: 'Race', family: 'Condition' });
    const results = await Promise.all(
      [staff.rosa, staff.morgan, staff.casey].map((staffMemberId) =>
        supervisor.json<{ code?: string }>('POST', `/api/patients/${patientId}/care-team`, {
          staffMemberId,
          role: 'primary_therapist',
          replacesMemberId: null,
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const rows = await db
      .selectFrom('careTeamMembers')
      .select('id')
      .where('patientId', '=', patientId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses a second current primary therapist at the database, whatever the code does', async () => {
    const { db } = server.database;
    const patientId = await insertPatient(db, organizationId, { given: 'Index', family: 'Guard' });
    const insert = (staffMemberId: string) =>
      db
        .insertInto('careTeamMembers')
        .values({ organizationId, patientId, staffMemberId, role: 'primary_therapist' })
        .execute();
    await insert(staff.rosa);
    await expect(insert(staff.morgan)).rejects.toMatchObject({
      code: '23505',
      constraint: 'care_team_members_one_primary_therapist',
    });
  });
});

describe('ending a place', () => {
  it('ends it at the current version with the reason, keeps it in the history, and refuses stale or repeated ends', async () => {
    const { db } = server.database;
    const patientId = await insertPatient(db, organizationId, { given: 'Ending', family: 'Place' });
    const assigned = await supervisor.json<CareTeam>('POST', `/api/patients/${patientId}/care-team`, {
      staffMemberId: staff.priya,
      role: 'prescriber',
    });
    const place = currentPlace(assigned.body, staff.priya, 'prescriber');
    const rowsBefore = await placeRows();

    const noReason = await supervisor.json<{ errors: { path: string }[] }>(
      'POST',
      `/api/patients/${patientId}/care-team/${place.id}/end`,
      { version: place.version },
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e) => e.path)).toEqual(['body.reason']);

    const stale = await supervisor.json<{ code: string; current: CareTeamPlace }>(
      'POST',
      `/api/patients/${patientId}/care-team/${place.id}/end`,
      { version: place.version + 1, reason: 'Medication stopped' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', current: place });

    const ended = await supervisor.json<CareTeam>(
      'POST',
      `/api/patients/${patientId}/care-team/${place.id}/end`,
      {
        version: place.version,
        reason: 'Medication stopped',
      },
    );
    expect(ended.status).toBe(200);
    expect(ended.body.current).toEqual([]);
    expect(ended.body.history).toEqual([
      expect.objectContaining({
        id: place.id,
        endedByName: 'Dr. Sam Okafor',
        changeReason: 'Medication stopped',
        version: place.version + 1,
      }),
    ]);

    const twice = await supervisor.json<{ code: string }>(
      'POST',
      `/api/patients/${patientId}/care-team/${place.id}/end`,
      { version: place.version + 1, reason: 'Again' },
    );
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('conflict');
    const unknown = await supervisor.request(
      'POST',
      `/api/patients/${patientId}/care-team/01900000-0000-7000-8000-000000000000/end`,
      { version: 1, reason: 'Nobody' },
    );
    expect(unknown.status).toBe(404);
    // Ending never deletes: the same rows, one of them ended.
    expect(await placeRows()).toBe(rowsBefore);
  });
});
