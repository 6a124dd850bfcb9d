import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import {
  addToCareTeam,
  insertPatient,
  insertSupportContact,
  staffMemberIdOf,
  userIdOf,
} from '../testing/invitation-fixtures.ts';
import { invitationLinkSentTo } from '../testing/outbox-reader.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';
import type { CreatedInvitation } from './schemas.ts';

/**
 * Security review, finding 2: "An administrator can become a patient." The outbox showed administrators live
 * invitation links, and accepting a patient's link while signed in made the administrator that patient.
 */
let server: TestServer;
let organizationId: string;
let admin: TestClient;
let clinician: TestClient;
let adminUserId: string;
let clinicianStaffId: string;

const password = 'violet-harbor-kettle-42';
const tokenOf = (link: string) => new URL(link).pathname.split('/').at(-1) ?? '';

beforeAll(async () => {
  server = await startTestServer();
  organizationId = server.demo?.organizationId ?? '';
  admin = await server.signIn(demoAccountFor('admin').email);
  clinician = await server.signIn(demoAccountFor('clinician').email);
  const { db } = server.database;
  adminUserId = await userIdOf(db, demoAccountFor('admin').email);
  clinicianStaffId = await staffMemberIdOf(db, organizationId, demoAccountFor('clinician').email);
});
afterAll(async () => {
  await server?.close();
});

/** A patient on the demo clinician's caseload, invited to the portal by the clinician. */
async function invitedPatient(given: string) {
  const { db } = server.database;
  const email = `${given.toLowerCase()}.portal@example.org`;
  const patientId = await insertPatient(db, organizationId, { given, family: 'Separate', email });
  await addToCareTeam(db, organizationId, patientId, clinicianStaffId, 'primary_therapist');
  const created = await clinician.json<CreatedInvitation>(
    'POST',
    `/api/patients/${patientId}/invitation`,
    {},
  );
  expect(created.status).toBe(201);
  return { patientId, email, invitation: created.body.invitation };
}

async function linkedUserOf(patientId: string) {
  const row = await server.database.db
    .selectFrom('patients')
    .select('userId')
    .where('id', '=', patientId)
    .executeTakeFirstOrThrow();
  return row.userId;
}

describe('an administrator can become a patient (security review, finding 2)', () => {
  it('never shows a live invitation link in the outbox, only that it was sent, to whom, and its state', async () => {
    const { email, invitation } = await invitedPatient('Noor');
    const token = tokenOf(await invitationLinkSentTo(server.database.db, email));

    const outbox = await admin.json<{
      items: { invitationId: string; recipient: string; invitationStatus: string; body: string }[];
    }>('GET', '/api/outbox');
    expect(outbox.status).toBe(200);
    expect(JSON.stringify(outbox.body)).not.toContain(token);
    const message = outbox.body.items.find((item) => item.invitationId === invitation.id);
    expect(message).toMatchObject({ recipient: email, invitationStatus: 'pending' });
    expect(message?.body).toMatch(/invitation link/i);
  });

  it('refuses to accept an invitation while signed in as someone else, says to sign out first, and audits it', async () => {
    const { patientId, email, invitation } = await invitedPatient('Ravi');
    const token = tokenOf(await invitationLinkSentTo(server.database.db, email));

    const refused = await admin.json<{ status: number; code: string; detail: string }>(
      'POST',
      `/api/invitations/${token}/accept`,
      { name: 'Alex Admin', password },
    );
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'conflict', detail: expect.stringMatching(/sign out/i) });
    expect(await linkedUserOf(patientId)).toBeNull();
    const stillOpen = await server.database.db
      .selectFrom('invitations')
      .select(['acceptedAt'])
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    expect(stillOpen.acceptedAt).toBeNull();
    const attempts = await server.database.db
      .selectFrom('auditEvents')
      .select(['actorUserId', 'actorRole', 'patientId', 'action', 'outcome', 'resourceId'])
      .where('organizationId', '=', organizationId)
      .where('resourceType', '=', 'invitation')
      .where('outcome', '=', 'denied')
      .where('resourceId', '=', invitation.id)
      .execute();
    expect(attempts).toEqual([
      {
        actorUserId: adminUserId,
        actorRole: 'admin',
        patientId,
        action: 'accept',
        outcome: 'denied',
        resourceId: invitation.id,
      },
    ]);

    // The person it was sent to, in a browser without anyone's session, still can.
    const accepted = await server.anonymous.json('POST', `/api/invitations/${token}/accept`, {
      name: 'Ravi Separate',
      password,
    });
    expect(accepted).toEqual({ status: 201, body: { email } });
    expect(await linkedUserOf(patientId)).toBe(await userIdOf(server.database.db, email));
  });

  it('refuses, in the database, to link a staff account to a patient or a loved one in the same organization', async () => {
    const { db } = server.database;
    const patientId = await insertPatient(db, organizationId, { given: 'Ines', family: 'Separate' });
    const contactId = await insertSupportContact(db, organizationId, patientId, {
      name: 'Ola Separate',
      email: 'ola.separate@example.org',
    });
    await expect(
      db.updateTable('patients').set({ userId: adminUserId }).where('id', '=', patientId).execute(),
    ).rejects.toMatchObject({ code: '23514' });
    await expect(
      db.updateTable('supportContacts').set({ userId: adminUserId }).where('id', '=', contactId).execute(),
    ).rejects.toMatchObject({ code: '23514' });

    // Nor the other way round: a patient's sign-in made a staff member, or their membership made staff.
    const patientUserId = await userIdOf(db, demoAccountFor('patient').email);
    await expect(
      db
        .updateTable('staffMembers')
        .set({ userId: patientUserId })
        .where('id', '=', clinicianStaffId)
        .execute(),
    ).rejects.toMatchObject({ code: '23514' });
    await expect(
      db
        .updateTable('memberships')
        .set({ role: 'clinician' })
        .where('organizationId', '=', organizationId)
        .where('userId', '=', patientUserId)
        .execute(),
    ).rejects.toMatchObject({ code: '23514' });
    expect(await linkedUserOf(patientId)).toBeNull();
  });
});
