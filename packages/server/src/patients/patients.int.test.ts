import { noRelationship } from '@tandem/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPatientAccessFacts } from '../access/patient-relationship.ts';
import { auditRepository } from '../audit/repository.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let organizationId: string;
let riley: string;
let pat: string;
let clinicianId: string;
const clinicianUserId = () => clinicianId;

async function userIdOf(role: 'clinician' | 'prescriber'): Promise<string> {
  const row = await server.database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', demoAccountFor(role).email)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function patientId(given: string): Promise<string> {
  const row = await server.database.db
    .selectFrom('patients')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('legalGivenName', '=', given)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function eventsSince(sequence: number) {
  return auditRepository(server.database.db).eventsAfter(organizationId, sequence, 10_000);
}
async function head(): Promise<number> {
  return (await auditRepository(server.database.db).chainHead(organizationId))?.lastSequence ?? 0;
}

beforeAll(async () => {
  server = await startTestServer();
  organizationId = server.demo?.organizationId ?? '';
  riley = await patientId('Riley');
  pat = await patientId('Pat');
  clinicianId = await userIdOf('clinician');
});
afterAll(async () => {
  await server?.close();
});

describe('reading a patient record', () => {
  it('shows the care team and the basis of access, and audits the read with the patient before answering', async () => {
    const clinician = await server.signIn(demoAccountFor('clinician').email);
    const before = await head();
    const { status, body } = await clinician.json<{
      mrn: string;
      access: { basis: string };
      careTeam: { role: string; displayName: string }[];
    }>('GET', `/api/patients/${pat}`);
    expect(status).toBe(200);
    expect(body.access.basis).toBe('organization_role');
    expect(body.careTeam.map((member) => member.role).sort()).toEqual(['prescriber', 'primary_therapist']);
    const events = await eventsSince(before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      patientId: pat,
      action: 'read',
      resourceType: 'patient_demographics',
      resourceId: pat,
      outcome: 'allowed',
      actorRole: 'clinician',
    });
  });
});

describe('break-the-glass', () => {
  it('opens a record outside the care team for a stated reason, flagged, time-limited and audited', async () => {
    const clinician = await server.signIn(demoAccountFor('clinician').email);
    const before = await head();
    const before_ = await loadPatientAccessFacts(
      server.database.db,
      organizationId,
      clinicianUserId(),
      riley,
    );
    expect(before_?.relationship).toEqual(noRelationship);

    const tooShort = await clinician.json<{ errors: { path: string }[] }>(
      'POST',
      `/api/patients/${riley}/break-glass`,
      { reason: 'urgent' },
    );
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.errors.map((error) => error.path)).toEqual(['body.reason']);

    const granted = await clinician.json<{ grantId: string; expiresAt: string }>(
      'POST',
      `/api/patients/${riley}/break-glass`,
      { reason: 'Patient in crisis at the front door; need medication list' },
    );
    expect(granted.status).toBe(201);
    const minutes = (Date.parse(granted.body.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(55);
    expect(minutes).toBeLessThanOrEqual(60);

    const record = await clinician.json<{ access: { basis: string; breakGlassExpiresAt: string } }>(
      'GET',
      `/api/patients/${riley}`,
    );
    expect(record.body.access.basis).toBe('organization_role');
    expect(record.body.access.breakGlassExpiresAt).toBe(granted.body.expiresAt);
    const after = await loadPatientAccessFacts(server.database.db, organizationId, clinicianUserId(), riley);
    expect(after?.relationship.breakGlassExpiresAt?.toISOString()).toBe(granted.body.expiresAt);

    const events = await eventsSince(before);
    const glass = events.find((event) => event.action === 'break_glass');
    expect(glass).toMatchObject({
      outcome: 'break_glass',
      patientId: riley,
      resourceType: 'break_glass_grant',
      resourceId: granted.body.grantId,
      reason: 'Patient in crisis at the front door; need medication list',
    });
  });

  it('is refused, and the refusal audited, for front desk, administrators and the care team', async () => {
    for (const role of ['front_desk', 'admin'] as const) {
      const client = await server.signIn(demoAccountFor(role).email);
      const before = await head();
      const { status } = await client.json('POST', `/api/patients/${riley}/break-glass`, {
        reason: 'Trying to get in without a tie',
      });
      expect(status).toBe(403);
      const events = await eventsSince(before);
      expect(events.map((event) => [event.action, event.outcome])).toEqual([['break_glass', 'denied']]);
    }
    const prescriber = await server.signIn(demoAccountFor('prescriber').email);
    const onTeam = await prescriber.json('POST', `/api/patients/${pat}/break-glass`, {
      reason: 'Already on the care team of this patient',
    });
    expect(onTeam.status).toBe(403);
  });

  it('stops opening the record once the grant expires', async () => {
    const prescriber = await server.signIn(demoAccountFor('prescriber').email);
    const rileyRecord = `/api/patients/${riley}`;
    const prescriberUserId = await userIdOf('prescriber');
    // Prescriber is on Pat's team, not Riley's: no clinical access to Riley.
    const granted = await prescriber.json<{ grantId: string }>('POST', `${rileyRecord}/break-glass`, {
      reason: 'Overdose reported, checking allergies',
    });
    expect(granted.status).toBe(201);
    await server.database.db
      .updateTable('breakGlassGrants')
      .set({ grantedAt: sql`now() - interval '2 hours'`, expiresAt: sql`now() - interval '1 hour'` })
      .where('id', '=', granted.body.grantId)
      .execute();
    const facts = await loadPatientAccessFacts(server.database.db, organizationId, prescriberUserId, riley);
    expect(facts?.relationship.breakGlassExpiresAt).toBeNull();
    const record = await prescriber.json<{ access: { breakGlassExpiresAt: string | null } }>(
      'GET',
      rileyRecord,
    );
    expect(record.body.access.breakGlassExpiresAt).toBeNull();
  });
});
