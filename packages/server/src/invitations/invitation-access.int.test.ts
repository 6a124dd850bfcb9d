import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../audit/repository.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import {
  addToCareTeam,
  insertOrganizationWithStaff,
  insertPatient,
  insertSupportContact,
  staffMemberIdOf,
} from '../testing/invitation-fixtures.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';
import type { CreatedInvitation, Invitation } from './schemas.ts';

/**
 * Who may invite to the portal, list the open invitations and withdraw them, as the route policies decide it
 * (core: portal_invitation, support_contacts and staff_directory, by invitationAccessResource): the patient's care
 * team and the supervisor of a team member may; the front desk, an administrator off the team and a clinician
 * with no tie to the patient may not; another organization sees nothing, not even that the patient exists. Every
 * refusal is in the audit trail, naming the resource it was refused on.
 */
let server: TestServer;
let organizationId: string;
let otherOrganizationId: string;
const clients: Record<string, TestClient> = {};
let patientId: string;

const password = 'violet-harbor-kettle-42';

beforeAll(async () => {
  server = await startTestServer();
  organizationId = server.demo?.organizationId ?? '';
  for (const role of ['admin', 'clinician', 'prescriber', 'supervisor', 'front_desk'] as const) {
    clients[role] = await server.signIn(demoAccountFor(role).email);
  }
  const { db } = server.database;
  const other = await insertOrganizationWithStaff(db, {
    slug: 'elsewhere',
    email: 'clinician@elsewhere.example.org',
    password,
    role: 'clinician',
  });
  otherOrganizationId = other.organizationId;
  clients.elsewhere = await server.signIn('clinician@elsewhere.example.org', password);
  // Only the demo clinician is on this patient's team; the demo supervisor supervises the demo clinician, and the
  // demo prescriber has no tie to the patient.
  patientId = await insertPatient(db, organizationId, { given: 'Quinn', family: 'Access' });
  const clinicianStaffId = await staffMemberIdOf(db, organizationId, demoAccountFor('clinician').email);
  await addToCareTeam(db, organizationId, patientId, clinicianStaffId, 'primary_therapist');
});
afterAll(async () => {
  await server?.close();
});

const client = (who: string) => clients[who] as TestClient;

/** Where each organization's audit trail ends now. */
async function heads() {
  const audit = auditRepository(server.database.db);
  return {
    ours: (await audit.chainHead(organizationId))?.lastSequence ?? 0,
    theirs: (await audit.chainHead(otherOrganizationId))?.lastSequence ?? 0,
  };
}

/** The refusals audited in an organization after sequence `since`, oldest first. */
async function refusalsSince(organization: string, since: number) {
  return server.database.db
    .selectFrom('auditEvents')
    .select(['action', 'resourceType', 'patientId', 'outcome', 'actorRole', 'reason'])
    .where('organizationId', '=', organization)
    .where('outcome', '=', 'denied')
    .where('sequence', '>', since)
    .orderBy('sequence')
    .execute();
}

async function invite(who: string) {
  return client(who).json<CreatedInvitation & { detail?: string }>(
    'POST',
    `/api/patients/${patientId}/invitation`,
    {},
  );
}

describe('inviting a patient to the portal', () => {
  it('is refused to the front desk, an administrator and an unrelated clinician, audited on the portal invitation', async () => {
    const since = await heads();
    for (const who of ['front_desk', 'admin', 'prescriber']) {
      const refused = await invite(who);
      expect(refused.status, who).toBe(403);
      expect(refused.body.detail).toBe('Only the patient’s care team can invite them or their loved ones.');
    }
    expect(await refusalsSince(organizationId, since.ours)).toEqual(
      ['front_desk', 'admin', 'prescriber'].map((actorRole) => ({
        action: 'create',
        resourceType: 'portal_invitation',
        patientId,
        outcome: 'denied',
        actorRole,
        reason: 'Only the patient’s care team can invite them or their loved ones.',
      })),
    );
  });

  it('answers another organization as if the patient did not exist, and audits it there without the patient', async () => {
    const since = await heads();
    const refused = await invite('elsewhere');
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).not.toContain('Quinn');
    expect(await refusalsSince(otherOrganizationId, since.theirs)).toEqual([
      expect.objectContaining({ resourceType: 'portal_invitation', patientId: null, action: 'create' }),
    ]);
    expect(await refusalsSince(organizationId, since.ours)).toEqual([]);
  });

  it('is the care team’s, and the supervisor of a team member’s', async () => {
    const bySupervisor = await invite('supervisor');
    expect(bySupervisor.status).toBe(201);
    expect(bySupervisor.body.invitation).toMatchObject({ kind: 'patient', patientId, status: 'pending' });
    // Inviting again replaces the link.
    const byClinician = await invite('clinician');
    expect(byClinician.status).toBe(201);
    const events = await server.database.db
      .selectFrom('auditEvents')
      .select(['action', 'resourceId', 'actorRole', 'outcome'])
      .where('organizationId', '=', organizationId)
      .where('resourceType', '=', 'invitation')
      .where('resourceId', 'in', [bySupervisor.body.invitation.id, byClinician.body.invitation.id])
      .orderBy('sequence')
      .execute();
    expect(events).toEqual([
      {
        action: 'create',
        resourceId: bySupervisor.body.invitation.id,
        actorRole: 'supervisor',
        outcome: 'allowed',
      },
      {
        action: 'revoke',
        resourceId: bySupervisor.body.invitation.id,
        actorRole: 'clinician',
        outcome: 'allowed',
      },
      {
        action: 'create',
        resourceId: byClinician.body.invitation.id,
        actorRole: 'clinician',
        outcome: 'allowed',
      },
    ]);
  });
});

describe('listing and withdrawing a patient’s invitation', () => {
  let invitation: Invitation;
  beforeAll(async () => {
    invitation = (await invite('clinician')).body.invitation;
  });

  const listed = async (who: string) => {
    const { status, body } = await client(who).json<{ items: Invitation[] }>(
      'GET',
      `/api/invitations?patientId=${patientId}`,
    );
    expect(status, who).toBe(200);
    return body.items.map((item) => item.id);
  };

  it('lists it to the care team and the supervisor of a team member only', async () => {
    expect(await listed('clinician')).toEqual([invitation.id]);
    expect(await listed('supervisor')).toEqual([invitation.id]);
    for (const who of ['front_desk', 'admin', 'prescriber', 'elsewhere'])
      expect(await listed(who)).toEqual([]);
  });

  it('refuses to withdraw it to the front desk, an administrator and an unrelated clinician, audited', async () => {
    const since = await heads();
    const path = `/api/invitations/${invitation.id}/revoke`;
    for (const who of ['front_desk', 'admin', 'prescriber']) {
      expect((await client(who).request('POST', path, { version: invitation.version })).status, who).toBe(
        403,
      );
    }
    expect(
      (await refusalsSince(organizationId, since.ours)).map((event) => [event.resourceType, event.patientId]),
    ).toEqual(Array.from({ length: 3 }, () => ['portal_invitation', patientId]));
  });

  it('answers another organization that no such record exists, auditing there without the patient', async () => {
    const since = await heads();
    const refused = await client('elsewhere').json<{ detail: string }>(
      'POST',
      `/api/invitations/${invitation.id}/revoke`,
      { version: invitation.version },
    );
    expect(refused).toMatchObject({ status: 404, body: { detail: 'No such record.' } });
    expect(await refusalsSince(otherOrganizationId, since.theirs)).toEqual([
      expect.objectContaining({ action: 'update', resourceType: 'invitation', patientId: null }),
    ]);
    // An id that names nothing answers the same.
    const unknown = await client('clinician').json<{ detail: string }>(
      'POST',
      '/api/invitations/01900000-0000-7000-8000-000000000000/revoke',
      { version: 1 },
    );
    expect(unknown).toMatchObject({ status: 404, body: { detail: 'No such record.' } });
    expect(
      (await client('clinician').request('POST', '/api/invitations/not-an-id/revoke', { version: 1 })).status,
    ).toBe(400);
  });

  it('lets the supervisor of a team member withdraw it', async () => {
    const revoked = await client('supervisor').json<Invitation>(
      'POST',
      `/api/invitations/${invitation.id}/revoke`,
      {
        version: invitation.version,
      },
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    expect(await listed('clinician')).toEqual([]);
  });
});

describe('the other kinds of invitation', () => {
  it('keeps a support contact’s invitation to the places that change support contacts, and says so in the trail', async () => {
    const { db } = server.database;
    const contactId = await insertSupportContact(db, organizationId, patientId, {
      name: 'Robin Access',
      email: 'robin.access@example.org',
    });
    const since = await heads();
    const path = `/api/patients/${patientId}/support-contacts/${contactId}/invitation`;
    // A supervisor's place on the team is to assign it, not to change the patient's support contacts.
    expect((await client('supervisor').request('POST', path, {})).status).toBe(403);
    // The primary therapist may; without a consent naming the contact, the invitation itself is refused.
    expect((await client('clinician').request('POST', path, {})).status).toBe(409);
    expect(await refusalsSince(organizationId, since.ours)).toEqual([
      expect.objectContaining({ resourceType: 'support_contacts', patientId, actorRole: 'supervisor' }),
    ]);
  });

  it('keeps a staff invitation to those who manage staff, refusing a clinician on the staff directory', async () => {
    const created = await client('admin').json<CreatedInvitation>('POST', '/api/invitations/staff', {
      displayName: 'Avery Access',
      email: 'avery.access@example.org',
      jobRole: 'front_desk',
    });
    expect(created.status).toBe(201);
    const since = await heads();
    const path = `/api/invitations/${created.body.invitation.id}/revoke`;
    const version = created.body.invitation.version;
    expect((await client('clinician').request('POST', path, { version })).status).toBe(403);
    expect(await refusalsSince(organizationId, since.ours)).toEqual([
      expect.objectContaining({ action: 'update', resourceType: 'staff_directory', patientId: null }),
    ]);
    expect((await client('admin').request('POST', path, { version })).status).toBe(200);
  });
});
