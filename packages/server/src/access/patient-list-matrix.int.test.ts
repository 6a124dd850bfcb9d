import {
  type DisclosureCategory,
  decidePatientListRow,
  type PatientListField,
  type Role,
  roles,
} from '@tandem/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../audit/repository.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import {
  type DemoPatientKey,
  demoFamilyCategories,
  demoRelationshipOf,
  findDemoPatients,
} from '../testing/demo-relationships.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';

/**
 * The access matrix of the patient list, field by field: for every role and every relationship the demo holds
 * (care team, supervision, subject, consent, none), which keys a row of GET /api/patients and of POST
 * /api/patients/search carries. Security review finding 1: lists returned the current episode and the primary
 * therapist to every role, and legal name, MRN and birth date to a support contact.
 */
let server: TestServer;
let organizationId: string;
const clients = new Map<Role, TestClient>();
let patients: Record<DemoPatientKey, string>;
let familyCategories: DisclosureCategory[];

beforeAll(async () => {
  server = await startTestServer();
  organizationId = server.demo?.organizationId ?? '';
  patients = await findDemoPatients(server.database.db, organizationId);
  familyCategories = await demoFamilyCategories(server.database.db, patients.pat);
  for (const role of roles) clients.set(role, await server.signIn(demoAccountFor(role).email));
});
afterAll(async () => {
  await server?.close();
});

const keysOf: Record<PatientListField, string[]> = {
  identity: ['mrn', 'legalGivenName', 'legalFamilyName', 'preferredName', 'dateOfBirth', 'status'],
  currentEpisode: ['currentEpisode'],
  primaryTherapist: ['primaryTherapist'],
};
const everyRowHas = ['id', 'name', 'onMyCareTeam'];

type Row = Record<string, unknown> & { id: string };

async function listed(role: Role, how: 'GET' | 'POST'): Promise<Row[]> {
  const client = clients.get(role) as TestClient;
  const { status, body } =
    how === 'GET'
      ? await client.json<{ items: Row[] }>('GET', '/api/patients?limit=200')
      : await client.json<{ items: Row[] }>('POST', '/api/patients/search', { limit: 200 });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.items;
}

describe('patient lists disclose clinical content (security review finding 1)', () => {
  it('gives each role, per relationship, only the row fields the policy lets it read, in the list and the search', async () => {
    const mismatches: string[] = [];
    for (const role of roles)
      for (const how of ['GET', 'POST'] as const) {
        const rows = await listed(role, how);
        for (const target of ['pat', 'riley'] as const) {
          const decision = decidePatientListRow(
            { userId: 'u', organizationId, role },
            organizationId,
            demoRelationshipOf(role, target, familyCategories),
            new Date(),
          );
          const row = rows.find((candidate) => candidate.id === patients[target]);
          const want = decision.listed
            ? [...everyRowHas, ...decision.fields.flatMap((field) => keysOf[field])].sort()
            : 'not listed';
          const got = row === undefined ? 'not listed' : Object.keys(row).sort();
          if (JSON.stringify(got) !== JSON.stringify(want)) {
            mismatches.push(
              `${role} ${how} ${target}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`,
            );
          }
        }
      }
    expect(mismatches).toEqual([]);
  });

  it('shows the front desk no level of care and a support contact only the name the patient goes by', async () => {
    const frontDesk = await listed('front_desk', 'GET');
    expect(frontDesk.length).toBeGreaterThan(1);
    expect(frontDesk.every((row) => !('currentEpisode' in row))).toBe(true);
    expect(frontDesk.find((row) => row.id === patients.pat)).toMatchObject({
      legalFamilyName: 'Example',
      primaryTherapist: expect.objectContaining({ displayName: expect.any(String) }),
    });
    // The demo clinician is Pat's therapist, and Riley is not theirs.
    const clinician = await listed('clinician', 'POST');
    expect(clinician.find((row) => row.id === patients.pat)?.currentEpisode).toMatchObject({
      setting: expect.any(String),
    });
    expect(clinician.find((row) => row.id === patients.riley)).not.toHaveProperty('currentEpisode');
    expect(familyCategories.length).toBeGreaterThan(0);
    expect(await listed('family_member', 'GET')).toEqual([
      { id: patients.pat, name: 'Pat', onMyCareTeam: false },
    ]);
  });

  it('refuses a filter or search on what the caller’s rows do not show, and audits the refusal', async () => {
    const audit = auditRepository(server.database.db);
    const before = (await audit.chainHead(organizationId))?.lastSequence ?? 0;
    const frontDesk = clients.get('front_desk') as TestClient;
    const byLevel = await frontDesk.json<{ detail: string }>('GET', '/api/patients?setting=outpatient');
    expect(byLevel.status).toBe(403);
    expect(byLevel.body.detail).toMatch(/level of care/);
    const family = clients.get('family_member') as TestClient;
    const byBirthDate = await family.json('POST', '/api/patients/search', { q: '1988-04-12' });
    expect(byBirthDate.status).toBe(403);
    const events = await audit.eventsAfter(organizationId, before, 100);
    expect(events.map((event) => [event.actorRole, event.outcome, event.patientId])).toEqual([
      ['front_desk', 'denied', null],
      ['family_member', 'denied', null],
    ]);
    // A clinician filters by level of care only among their own patients: Riley's outpatient episode is not theirs.
    const clinician = clients.get('clinician') as TestClient;
    const outpatient = await clinician.json<{ items: Row[] }>('GET', '/api/patients?setting=outpatient');
    expect(outpatient.status).toBe(200);
    expect(outpatient.body.items.map((row) => row.id)).not.toContain(patients.riley);
  });

  it('audits a list read once per patient and resource returned, in the patient’s access log', async () => {
    const audit = auditRepository(server.database.db);
    const before = (await audit.chainHead(organizationId))?.lastSequence ?? 0;
    const rows = await listed('clinician', 'POST');
    const events = await audit.eventsAfter(organizationId, before, 10_000);
    expect(events.every((event) => event.action === 'read' && event.actorRole === 'clinician')).toBe(true);
    expect(new Set(events.map((event) => event.patientId))).toEqual(new Set(rows.map((row) => row.id)));
    const resourcesOf = (patientId: string) =>
      events
        .filter((event) => event.patientId === patientId)
        .map((event) => event.resourceType)
        .sort();
    expect(resourcesOf(patients.pat)).toEqual(['care_team', 'episode_of_care', 'patient_demographics']);
    expect(resourcesOf(patients.riley)).toEqual(['care_team', 'patient_demographics']);

    // "Who accessed this record" shows the list read.
    const admin = clients.get('admin') as TestClient;
    const log = await admin.json<{ items: { actor: { role: string }; resourceType: string }[] }>(
      'GET',
      `/api/patients/${patients.riley}/access-log`,
    );
    expect(log.status).toBe(200);
    expect(log.body.items).toContainEqual(
      expect.objectContaining({
        actor: expect.objectContaining({ role: 'clinician' }),
        resourceType: 'care_team',
      }),
    );
  });

  it('accounts a support contact’s list as a disclosure under the consents it was made under', async () => {
    const admin = clients.get('admin') as TestClient;
    type Accounting = { items: { channel: string; categories: string[]; consentId: string }[] };
    const accounting = () => admin.json<Accounting>('GET', `/api/patients/${patients.pat}/disclosures`);
    const before = (await accounting()).body.items.length;
    const audit = auditRepository(server.database.db);
    const head = (await audit.chainHead(organizationId))?.lastSequence ?? 0;
    await listed('family_member', 'POST');
    const after = await accounting();
    expect(after.status).toBe(200);
    expect(after.body.items.length).toBeGreaterThan(before);
    // Under the consent naming them, and as what it was: the name, none of the consented categories.
    const byList = after.body.items.filter((item) => item.channel === 'patient_list');
    expect(byList.length).toBeGreaterThan(0);
    expect(byList.every((item) => item.categories.length === 0 && item.consentId !== '')).toBe(true);
    const events = (await audit.eventsAfter(organizationId, head, 100)).filter(
      (event) => event.actorRole === 'family_member',
    );
    expect(events.map((event) => [event.actorRole, event.patientId, event.resourceType])).toEqual([
      ['family_member', patients.pat, 'patient_demographics'],
    ]);
  });
});
