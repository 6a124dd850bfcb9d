import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlertToRaise, raiseAlert } from '../alerts/raise-alert.ts';
import { alertRepository } from '../alerts/repository.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { systemContext } from '../records/record-context.ts';
import { recordKernel } from '../records/unit-of-work.ts';
import {
  addToCareTeam,
  insertOrganizationWithStaff,
  insertPatient,
  staffMemberIdOf,
  userIdOf,
} from '../testing/invitation-fixtures.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';
import type { OnDutyShift } from './schemas.ts';

/**
 * The on-duty roster and the `on_duty` routing rule: a risk signal reaches whoever is on duty and the care
 * team; with nobody on duty, the care team; with neither, the supervisors.
 */
let server: TestServer;
let organizationId: string;
let supervisor: TestClient;
let clinician: TestClient;
let frontDesk: TestClient;
let staff: { prescriber: string; clinician: string; frontDesk: string; supervisor: string };
let users: { prescriber: string; clinician: string; supervisor: string };
let cared: string;
let alone: string;
let sourceCounter = 0;

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

const risk = (patientId: string): AlertToRaise => {
  sourceCounter += 1;
  return {
    kind: 'risk_signal',
    patientId,
    summary: 'Reported using again over the weekend',
    sourceType: 'test_measure',
    sourceKey: `on-duty-${sourceCounter}`,
  };
};

/** Raises a risk signal as a feature would, and answers who it was routed to, and why. */
const routed = async (patientId: string) => {
  const { db } = server.database;
  const alerts = alertRepository(db);
  const alertId = await recordKernel(db).write(systemContext(organizationId, 'test'), (unit) =>
    raiseAlert(unit, alerts, risk(patientId)),
  );
  const rows = await db
    .selectFrom('alertRecipients')
    .select(['userId', 'reason'])
    .where('alertId', '=', alertId)
    .execute();
  return Object.fromEntries(rows.map((row) => [row.userId, row.reason]));
};

const addShift = (client: TestClient, shift: Record<string, unknown>) =>
  client.json<OnDutyShift>('POST', '/api/on-duty', shift);

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  organizationId = server.demo?.organizationId ?? '';
  supervisor = await server.signIn(demoAccountFor('supervisor').email);
  clinician = await server.signIn(demoAccountFor('clinician').email);
  frontDesk = await server.signIn(demoAccountFor('front_desk').email);
  const staffOf = (role: 'prescriber' | 'clinician' | 'front_desk' | 'supervisor') =>
    staffMemberIdOf(db, organizationId, demoAccountFor(role).email);
  staff = {
    prescriber: await staffOf('prescriber'),
    clinician: await staffOf('clinician'),
    frontDesk: await staffOf('front_desk'),
    supervisor: await staffOf('supervisor'),
  };
  users = {
    prescriber: await userIdOf(db, demoAccountFor('prescriber').email),
    clinician: await userIdOf(db, demoAccountFor('clinician').email),
    supervisor: await userIdOf(db, demoAccountFor('supervisor').email),
  };
  cared = await insertPatient(db, organizationId, { given: 'Riya', family: 'OnCall' });
  await addToCareTeam(db, organizationId, cared, staff.clinician, 'primary_therapist');
  alone = await insertPatient(db, organizationId, { given: 'Sol', family: 'Nobody' });
});
afterAll(async () => {
  await server?.close();
});

describe('routing a risk signal with the on-duty roster', () => {
  it('sends it to the care team alone when nobody is on duty', async () => {
    expect(await routed(cared)).toEqual({ [users.clinician]: 'primary_therapist' });
  });

  it('sends an alert whose routing finds nobody (no one on duty, no care team) to the supervisors', async () => {
    const recipients = await routed(alone);
    expect(recipients[users.supervisor]).toBe('fallback_supervisors');
    expect(Object.values(recipients).every((reason) => reason === 'fallback_supervisors')).toBe(true);
  });

  it('sends it to whoever is on duty as well as the care team, and stops once the shift ends', async () => {
    const added = await addShift(supervisor, {
      staffMemberId: staff.prescriber,
      duty: 'prescriber_on_call',
      startsAt: hoursFromNow(-1),
      endsAt: hoursFromNow(8),
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ onDutyNow: true, staffMember: { name: 'Dr. Priya Natarajan' } });

    expect(await routed(cared)).toEqual({
      [users.prescriber]: 'on_duty',
      [users.clinician]: 'primary_therapist',
    });
    expect(await routed(alone)).toEqual({ [users.prescriber]: 'on_duty' });

    const ended = await supervisor.json<OnDutyShift>('POST', `/api/on-duty/${added.body.id}/end`, {
      version: added.body.version,
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body.onDutyNow).toBe(false);
    expect(await routed(cared)).toEqual({ [users.clinician]: 'primary_therapist' });
  });

  it('does not send it to someone whose shift has not started yet', async () => {
    const later = await addShift(supervisor, {
      staffMemberId: staff.supervisor,
      duty: 'supervisor_on_call',
      startsAt: hoursFromNow(10),
      endsAt: hoursFromNow(20),
    });
    expect(later.status).toBe(201);
    expect(later.body.onDutyNow).toBe(false);
    expect(await routed(cared)).toEqual({ [users.clinician]: 'primary_therapist' });
  });
});

describe('the on-duty roster', () => {
  it('shows who is on duty to every staff member, and lets only supervisors and administrators change it', async () => {
    const added = await addShift(supervisor, {
      staffMemberId: staff.clinician,
      duty: 'clinician_on_call',
      startsAt: hoursFromNow(0),
      endsAt: hoursFromNow(12),
    });
    expect(added.status).toBe(201);
    const roster = await frontDesk.json<{ shifts: OnDutyShift[] }>('GET', '/api/on-duty');
    expect(roster.status).toBe(200);
    expect(roster.body.shifts.map((shift) => shift.id)).toContain(added.body.id);
    const byClinician = await addShift(clinician, {
      staffMemberId: staff.clinician,
      duty: 'clinician_on_call',
      startsAt: hoursFromNow(30),
      endsAt: hoursFromNow(40),
    });
    expect(byClinician.status).toBe(403);
    expect((await clinician.json('POST', `/api/on-duty/${added.body.id}/end`, { version: 1 })).status).toBe(
      403,
    );
  });

  it('refuses nonsense per field: a missing duty, an end before the start, a duty the job cannot answer', async () => {
    const missing = await supervisor.json<{ errors: { path: string }[] }>('POST', '/api/on-duty', {
      staffMemberId: staff.clinician,
      startsAt: 'tomorrow',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((error) => error.path).sort()).toEqual(
      ['body.duty', 'body.endsAt', 'body.startsAt'].sort(),
    );
    const backwards = await addShift(supervisor, {
      staffMemberId: staff.clinician,
      duty: 'clinician_on_call',
      startsAt: hoursFromNow(50),
      endsAt: hoursFromNow(40),
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({
      errors: [{ path: 'body.endsAt', message: 'The shift must end after it starts' }],
    });
    const frontDeskOnCall = await addShift(supervisor, {
      staffMemberId: staff.frontDesk,
      duty: 'prescriber_on_call',
      startsAt: hoursFromNow(1),
      endsAt: hoursFromNow(5),
    });
    expect(frontDeskOnCall.status).toBe(400);
    expect(frontDeskOnCall.body).toMatchObject({ errors: [{ path: 'body.staffMemberId' }] });
  });

  it('takes one of two overlapping shifts of one person and duty added at once, and answers 409 to the other', async () => {
    const shift = (startsIn: number) => ({
      staffMemberId: staff.prescriber,
      duty: 'prescriber_on_call',
      startsAt: hoursFromNow(startsIn),
      endsAt: hoursFromNow(startsIn + 8),
    });
    const both = await Promise.all([addShift(supervisor, shift(100)), addShift(supervisor, shift(104))]);
    expect(both.map((response) => response.status).sort()).toEqual([201, 409]);
    expect(both.find((response) => response.status === 409)?.body).toMatchObject({ code: 'conflict' });
    // Back to back with the one that won (either may) is no overlap.
    const won = both.find((response) => response.status === 201)?.body as OnDutyShift;
    const next = await addShift(supervisor, {
      staffMemberId: staff.prescriber,
      duty: 'prescriber_on_call',
      startsAt: won.endsAt,
      endsAt: new Date(Date.parse(won.endsAt) + 8 * 3_600_000).toISOString(),
    });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
  });

  it('ends a shift once: a stale or repeated end is 409, another organization’s shift is 404', async () => {
    const added = await addShift(supervisor, {
      staffMemberId: staff.supervisor,
      duty: 'supervisor_on_call',
      startsAt: hoursFromNow(200),
      endsAt: hoursFromNow(210),
    });
    const stale = await supervisor.json('POST', `/api/on-duty/${added.body.id}/end`, { version: 99 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', current: { id: added.body.id } });
    const calledOff = await supervisor.json<OnDutyShift>('POST', `/api/on-duty/${added.body.id}/end`, {
      version: added.body.version,
    });
    expect(calledOff.status).toBe(200);
    expect(calledOff.body.endsAt).toBe(calledOff.body.startsAt);
    const again = await supervisor.json('POST', `/api/on-duty/${added.body.id}/end`, {
      version: calledOff.body.version,
    });
    expect(again.status).toBe(409);

    const { db } = server.database;
    const other = await insertOrganizationWithStaff(db, {
      slug: 'on-duty-elsewhere',
      email: 'on-duty.elsewhere@other.tandem.test',
      password: 'irrelevant-password-4',
      role: 'supervisor',
    });
    const theirs = await db
      .insertInto('onDutyShifts')
      .values({
        organizationId: other.organizationId,
        staffMemberId: other.staffMemberId,
        duty: 'supervisor_on_call',
        startsAt: new Date(hoursFromNow(0)),
        endsAt: new Date(hoursFromNow(5)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const elsewhere = await supervisor.json('POST', `/api/on-duty/${theirs.id}/end`, { version: 1 });
    expect(elsewhere.status).toBe(404);
    const roster = await supervisor.json<{ shifts: OnDutyShift[] }>('GET', '/api/on-duty');
    expect(roster.body.shifts.map((shift) => shift.id)).not.toContain(theirs.id);
  });

  it('is guarded by the database: no backwards, endless or ill-suited shift, no delete, no rewrite', async () => {
    const { db } = server.database;
    const insert = (values: { staffMemberId: string; duty: string; startsIn: number; endsIn: number }) =>
      db
        .insertInto('onDutyShifts')
        .values({
          organizationId,
          staffMemberId: values.staffMemberId,
          duty: values.duty,
          startsAt: new Date(hoursFromNow(values.startsIn)),
          endsAt: new Date(hoursFromNow(values.endsIn)),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    await expect(
      insert({ staffMemberId: staff.clinician, duty: 'clinician_on_call', startsIn: 500, endsIn: 499 }),
    ).rejects.toThrow();
    await expect(
      insert({
        staffMemberId: staff.clinician,
        duty: 'clinician_on_call',
        startsIn: 500,
        endsIn: 500 + 24 * 8,
      }),
    ).rejects.toThrow();
    await expect(
      insert({ staffMemberId: staff.frontDesk, duty: 'clinician_on_call', startsIn: 500, endsIn: 505 }),
    ).rejects.toThrow(/cannot take this duty/);
    const kept = await insert({
      staffMemberId: staff.clinician,
      duty: 'clinician_on_call',
      startsIn: 600,
      endsIn: 605,
    });
    await expect(db.deleteFrom('onDutyShifts').where('id', '=', kept.id).execute()).rejects.toThrow(
      /never deleted/,
    );
    await expect(
      db
        .updateTable('onDutyShifts')
        .set({ startsAt: new Date(hoursFromNow(590)) })
        .where('id', '=', kept.id)
        .execute(),
    ).rejects.toThrow(/never rewritten/);
  });
});
