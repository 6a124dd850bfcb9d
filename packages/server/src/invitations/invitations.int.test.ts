import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { verifyChain } from '@tandem/core/audit/audit-chain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../audit/repository.ts';
import { demoAccountFor, demoOrganization } from '../demo/demo-accounts.ts';
import {
  addToCareTeam,
  insertConsent,
  insertOrganizationWithStaff,
  insertPatient,
  insertSupportContact,
  revokeConsent,
  staffMemberIdOf,
  userIdOf,
} from '../testing/invitation-fixtures.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';
import type { CreatedInvitation, Invitation, InvitationPreview } from './schemas.ts';

let server: TestServer;
let organizationId: string;
let admin: TestClient;
let clinician: TestClient;
let prescriber: TestClient;
let frontDesk: TestClient;
let clinicianStaffId: string;
let prescriberStaffId: string;
let clinicianUserId: string;
const logLines: string[] = [];

const newPassword = 'violet-harbor-kettle-42';
let emailCounter = 0;
const freshEmail = (name: string) => {
  emailCounter += 1;
  return `${name}.${emailCounter}@example.org`;
};

beforeAll(async () => {
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) =>
    logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean)),
  );
  server = await startTestServer({ logStream });
  server.app.log.level = 'info';
  organizationId = server.demo?.organizationId ?? '';
  admin = await server.signIn(demoAccountFor('admin').email);
  clinician = await server.signIn(demoAccountFor('clinician').email);
  prescriber = await server.signIn(demoAccountFor('prescriber').email);
  frontDesk = await server.signIn(demoAccountFor('front_desk').email);
  const { db } = server.database;
  clinicianStaffId = await staffMemberIdOf(db, organizationId, demoAccountFor('clinician').email);
  prescriberStaffId = await staffMemberIdOf(db, organizationId, demoAccountFor('prescriber').email);
  clinicianUserId = await userIdOf(db, demoAccountFor('clinician').email);
});
afterAll(async () => {
  await server?.close();
});

async function lastSequence(): Promise<number> {
  return (await auditRepository(server.database.db).chainHead(organizationId))?.lastSequence ?? 0;
}

/** What a user's requests appended to the audit trail after `sequence`. */
async function eventsSince(sequence: number, email: string) {
  return server.database.db
    .selectFrom('auditEvents')
    .select(['action', 'resourceType', 'patientId', 'outcome'])
    .where('organizationId', '=', organizationId)
    .where('sequence', '>', sequence)
    .where('actorUserId', '=', await userIdOf(server.database.db, email))
    .orderBy('sequence')
    .execute();
}

const tokenOf = (link: string) => new URL(link).pathname.split('/').at(-1) ?? '';

async function inviteNewStaff(email = freshEmail('staff')): Promise<CreatedInvitation> {
  const { status, body } = await admin.json<CreatedInvitation>('POST', '/api/invitations/staff', {
    displayName: 'Jamie Quinn, CADC',
    email,
    jobRole: 'clinician',
  });
  expect(status).toBe(201);
  return body;
}

async function accept(link: string, password = newPassword, name = 'Jamie Quinn') {
  return server.anonymous.json<{ email: string; code?: string; detail?: string }>(
    'POST',
    `/api/invitations/${tokenOf(link)}/accept`,
    { name, password },
  );
}

async function outboxRowsFor(recipient: string) {
  return (
    server.database.db
      .selectFrom('outboxMessages')
      .selectAll()
      .where('recipient', '=', recipient)
      // Newest first: inviting again adds a message.
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .execute()
  );
}

async function invitationEvents(resourceId: string) {
  const rows = await server.database.db
    .selectFrom('auditEvents')
    .select(['action', 'actorUserId', 'actorRole', 'patientId', 'fieldsChanged', 'outcome'])
    .where('organizationId', '=', organizationId)
    .where('resourceType', '=', 'invitation')
    .where('resourceId', '=', resourceId)
    .orderBy('sequence')
    .execute();
  return rows;
}

/** A patient with the demo clinician as primary therapist and the demo prescriber as prescriber. */
async function patientOnClinicianCaseload(person: { given: string; family: string; preferred?: string }) {
  const { db } = server.database;
  const patientId = await insertPatient(db, organizationId, person);
  await addToCareTeam(db, organizationId, patientId, clinicianStaffId, 'primary_therapist');
  await addToCareTeam(db, organizationId, patientId, prescriberStaffId, 'prescriber');
  return patientId;
}

describe('staff invitations', () => {
  it('adds a staff member, writes the link to the outbox, and lets the invitee set a password once and sign in', async () => {
    const email = freshEmail('jamie');
    const created = await inviteNewStaff(email);
    expect(created.invitation).toMatchObject({
      kind: 'staff',
      email,
      role: 'clinician',
      status: 'pending',
      inviteeName: 'Jamie Quinn, CADC',
      createdByName: expect.stringContaining('Alex Admin'),
    });
    expect(created.link).toMatch(new RegExp(`^${server.url}/invitations/[A-Za-z0-9_-]{43}$`));
    const token = tokenOf(created.link);

    // The token is stored only as its SHA-256; the outbox message carries the link.
    const stored = await server.database.db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', created.invitation.id)
      .executeTakeFirstOrThrow();
    expect(stored.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);
    const expiresInDays = (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 86_400_000;
    expect(expiresInDays).toBeCloseTo(7, 3);
    const [message, ...others] = await outboxRowsFor(email);
    expect(others).toEqual([]);
    expect(message).toMatchObject({ kind: 'invitation', invitationId: created.invitation.id, sentAt: null });
    expect(message?.subject).toBe(`Join ${demoOrganization.name} on Tandem`);
    expect(message?.body).toContain(created.link);

    const preview = await server.anonymous.json<InvitationPreview>('GET', `/api/invitations/${token}`);
    expect(preview).toEqual({
      status: 200,
      body: {
        kind: 'staff',
        email,
        invitedBy: expect.stringContaining('Alex Admin'),
        organizationName: demoOrganization.name,
        role: 'clinician',
        roleLabel: 'Clinician',
        language: 'en',
        expiresAt: created.invitation.expiresAt,
        minimumPasswordLength: 12,
      },
    });

    const accepted = await accept(created.link);
    expect(accepted).toEqual({ status: 201, body: { email } });
    const signedIn = await server.signIn(email, newPassword);
    const me = await signedIn.json<{ role: string; staffMemberId: string; user: { name: string } }>(
      'GET',
      '/api/me',
    );
    expect(me.body).toMatchObject({
      role: 'clinician',
      staffMemberId: created.invitation.staffMemberId,
      user: { name: 'Jamie Quinn' },
    });

    // One-time: a second acceptance and the link's page both answer 410.
    const again = await accept(created.link, 'another-long-passphrase-9');
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ code: 'gone', detail: expect.stringMatching(/already been used/) });
    expect((await server.anonymous.request('GET', `/api/invitations/${token}`)).status).toBe(410);

    const events = await invitationEvents(created.invitation.id);
    expect(events.map((event) => event.action)).toEqual(['create', 'read', 'accept']);
    expect(events[2]).toMatchObject({
      actorUserId: await userIdOf(server.database.db, email),
      actorRole: 'clinician',
      fieldsChanged: ['acceptedAt', 'acceptedUserId'],
      outcome: 'allowed',
    });
    const audit = auditRepository(server.database.db);
    expect(
      verifyChain(await audit.eventsAfter(organizationId, 0, 100_000), await audit.chainHead(organizationId)),
    ).toBeUndefined();
  });

  it('settles two simultaneous acceptances of one link with exactly one sign-in', async () => {
    const created = await inviteNewStaff();
    const results = await Promise.all([
      accept(created.link, newPassword, 'First'),
      accept(created.link, newPassword, 'Second'),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([201, 410]);
    const users = await server.database.db
      .selectFrom('users')
      .select('name')
      .where('email', '=', created.invitation.email)
      .execute();
    expect(users).toHaveLength(1);
  });

  it('answers 410 for an expired link and for a withdrawn one, and 404 for a link that never existed', async () => {
    const { db } = server.database;
    const expired = await inviteNewStaff();
    await db
      .updateTable('invitations')
      .set({
        createdAt: sql<Date>`now() - interval '8 days'`,
        expiresAt: sql<Date>`now() - interval '1 day'`,
      })
      .where('id', '=', expired.invitation.id)
      .execute();
    const expiredAccept = await accept(expired.link);
    expect(expiredAccept.status).toBe(410);
    expect(expiredAccept.body.detail).toMatch(/expired/);

    const withdrawn = await inviteNewStaff();
    const revoke = await admin.json<Invitation>(
      'POST',
      `/api/invitations/${withdrawn.invitation.id}/revoke`,
      {
        version: withdrawn.invitation.version,
      },
    );
    expect(revoke.status).toBe(200);
    expect(revoke.body.status).toBe('revoked');
    const withdrawnAccept = await accept(withdrawn.link);
    expect(withdrawnAccept.status).toBe(410);
    expect(withdrawnAccept.body.detail).toMatch(/withdrawn/);
    const twice = await admin.json('POST', `/api/invitations/${withdrawn.invitation.id}/revoke`, {
      version: revoke.body.version,
    });
    expect(twice.status).toBe(409);
    expect((await invitationEvents(withdrawn.invitation.id)).map((event) => event.action)).toEqual([
      'create',
      'revoke',
    ]);

    const unknown = `${'A'.repeat(42)}B`;
    expect((await server.anonymous.request('GET', `/api/invitations/${unknown}`)).status).toBe(404);
    expect((await accept(`${server.url}/invitations/${unknown}`)).status).toBe(404);
    const malformed = await server.anonymous.json<{ errors: { path: string }[] }>(
      'GET',
      '/api/invitations/short',
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0]?.path).toBe('params.token');
  });

  it('invites an existing staff member without a sign-in; inviting again replaces the earlier link', async () => {
    const candidates = await admin.json<{ items: { id: string; displayName: string; email: string }[] }>(
      'GET',
      '/api/invitations/staff-candidates',
    );
    expect(candidates.status).toBe(200);
    const morgan = candidates.body.items.find((item) => item.displayName.startsWith('Morgan Lee'));
    if (morgan === undefined) throw new Error('demo staff member without sign-in missing');
    expect(candidates.body.items.map((item) => item.email)).not.toContain(demoAccountFor('clinician').email);

    const first = await admin.json<CreatedInvitation>('POST', '/api/invitations/staff', {
      staffMemberId: morgan.id,
    });
    expect(first.status).toBe(201);
    expect(first.body.invitation).toMatchObject({ email: morgan.email, staffMemberId: morgan.id });
    const second = await admin.json<CreatedInvitation>('POST', '/api/invitations/staff', {
      staffMemberId: morgan.id,
    });
    expect(second.status).toBe(201);
    expect((await accept(first.body.link)).status).toBe(410);
    expect((await accept(second.body.link, newPassword, 'Morgan Lee')).status).toBe(201);
    const again = await admin.json('POST', '/api/invitations/staff', { staffMemberId: morgan.id });
    expect(again.status).toBe(409);
  });

  it('refuses bad input field by field, a listed email, a weak password, and non-administrators', async () => {
    const missing = await admin.json<{ errors: { path: string }[] }>('POST', '/api/invitations/staff', {
      displayName: ' ',
      email: 'not-an-email',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((error) => error.path).sort()).toEqual([
      'body.displayName',
      'body.email',
      'body.jobRole',
    ]);
    const listed = await admin.json<{ errors: { path: string }[] }>('POST', '/api/invitations/staff', {
      displayName: 'Casey Again',
      email: demoAccountFor('clinician').email,
      jobRole: 'clinician',
    });
    expect(listed.status).toBe(409);
    expect(listed.body.errors[0]?.path).toBe('body.email');

    const created = await inviteNewStaff(freshEmail('weak'));
    const short = await accept(created.link, 'short');
    expect(short.status).toBe(400);
    const common = await accept(created.link, 'password1234');
    expect(common.status).toBe(400);
    expect(common.body).toMatchObject({ errors: [{ path: 'body.password' }] });
    expect((await accept(created.link)).status).toBe(201);

    for (const client of [clinician, frontDesk]) {
      expect((await client.request('GET', '/api/invitations/staff-candidates')).status).toBe(403);
      const response = await client.request('POST', '/api/invitations/staff', {
        displayName: 'Sneaky',
        email: freshEmail('sneaky'),
        jobRole: 'admin',
      });
      expect(response.status).toBe(403);
    }
  });

  it('writes the outbox row in the invitation’s transaction: a create that fails leaves neither', async () => {
    const { db } = server.database;
    // Make the audit append (the create's last write) fail, as a broken disk or a constraint would.
    await sql`CREATE FUNCTION refuse_invitation_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.resource_type = 'invitation' AND NEW.action = 'create' THEN
          RAISE EXCEPTION 'simulated failure';
        END IF;
        RETURN NEW;
      END $$`.execute(db);
    await sql`CREATE TRIGGER refuse_invitation_audit BEFORE INSERT ON audit_events
      FOR EACH ROW EXECUTE FUNCTION refuse_invitation_audit()`.execute(db);
    const email = freshEmail('doomed');
    try {
      const response = await admin.request('POST', '/api/invitations/staff', {
        displayName: 'Doomed Invitee',
        email,
        jobRole: 'front_desk',
      });
      expect(response.status).toBe(500);
    } finally {
      await sql`DROP TRIGGER refuse_invitation_audit ON audit_events`.execute(db);
      await sql`DROP FUNCTION refuse_invitation_audit()`.execute(db);
    }
    expect(await outboxRowsFor(email)).toEqual([]);
    expect(await db.selectFrom('invitations').select('id').where('email', '=', email).execute()).toEqual([]);
    expect(await db.selectFrom('staffMembers').select('id').where('email', '=', email).execute()).toEqual([]);
    // And the same request succeeds once the fault is gone.
    const retried = await admin.request('POST', '/api/invitations/staff', {
      displayName: 'Doomed Invitee',
      email,
      jobRole: 'front_desk',
    });
    expect(retried.status).toBe(201);
    expect(await outboxRowsFor(email)).toHaveLength(1);
  });
});

describe('patient invitations', () => {
  it('lets the care team invite a patient, who sets a password and signs in to their own record', async () => {
    const { db } = server.database;
    const patientId = await patientOnClinicianCaseload({ given: 'Robin', family: 'Alvarez' });
    const patientEmail = (
      await db.selectFrom('patients').select('email').where('id', '=', patientId).executeTakeFirstOrThrow()
    ).email;

    expect((await frontDesk.request('POST', `/api/patients/${patientId}/invitation`, {})).status).toBe(403);
    expect((await admin.request('POST', `/api/patients/${patientId}/invitation`, {})).status).toBe(403);

    const created = await clinician.json<CreatedInvitation>(
      'POST',
      `/api/patients/${patientId}/invitation`,
      {},
    );
    expect(created.status).toBe(201);
    expect(created.body.invitation).toMatchObject({
      kind: 'patient',
      role: 'patient',
      email: patientEmail,
      patientId,
      inviteeName: 'Robin Alvarez',
    });
    const [message] = await outboxRowsFor(patientEmail ?? '');
    expect(message?.subject).toBe('You are invited to Tandem');

    const preview = await server.anonymous.json<InvitationPreview>(
      'GET',
      `/api/invitations/${tokenOf(created.body.link)}`,
    );
    expect(preview.body).toMatchObject({ kind: 'patient', roleLabel: null, invitedBy: 'Dr. Casey Rivera' });

    expect((await accept(created.body.link, newPassword, 'Robin Alvarez')).status).toBe(201);
    const patient = await server.signIn(patientEmail ?? '', newPassword);
    const me = await patient.json<{ role: string }>('GET', '/api/me');
    expect(me.body.role).toBe('patient');
    const linked = await db
      .selectFrom('patients')
      .select('userId')
      .where('id', '=', patientId)
      .executeTakeFirst();
    expect(linked?.userId).toBe(await userIdOf(db, patientEmail ?? ''));
    expect((await clinician.request('POST', `/api/patients/${patientId}/invitation`, {})).status).toBe(409);
  });

  it("writes a patient's invitation in their language, shows the link page in the reader's, and starts the sign-in in it", async () => {
    const { db } = server.database;
    const patientId = await patientOnClinicianCaseload({ given: 'Lucia', family: 'Morales' });
    await db
      .updateTable('patients')
      .set({ preferredLanguage: 'es-MX' })
      .where('id', '=', patientId)
      .execute();
    const patientEmail = (
      await db.selectFrom('patients').select('email').where('id', '=', patientId).executeTakeFirstOrThrow()
    ).email;

    const created = await clinician.json<CreatedInvitation>(
      'POST',
      `/api/patients/${patientId}/invitation`,
      {},
    );
    expect(created.status).toBe(201);
    const [message] = await outboxRowsFor(patientEmail ?? '');
    expect(message?.subject).toBe('Tiene una invitación a Tandem');
    expect(message?.body).toContain('le invitó a crear su acceso a Tandem');
    expect(message?.body).not.toMatch(/invited|password/);

    // The page follows the browser of whoever opens the link; the invitation's own language comes with it.
    const token = tokenOf(created.body.link);
    const inSpanish = await server.anonymous.request('GET', `/api/invitations/${token}`, undefined, {
      'accept-language': 'es-MX,es;q=0.9,en;q=0.5',
    });
    expect(await inSpanish.json()).toMatchObject({
      kind: 'patient',
      language: 'es',
      role: null,
      roleLabel: null,
    });

    expect((await accept(created.body.link, newPassword, 'Lucía Morales')).status).toBe(201);
    const patient = await server.signIn(patientEmail ?? '', newPassword);
    const me = await patient.json<{ language: string; languagePreference: string | null }>('GET', '/api/me');
    expect(me.body).toMatchObject({ language: 'es', languagePreference: 'es' });

    // Asked for another language, the care team gets it; an unknown one is refused on its field.
    const another = await patientOnClinicianCaseload({ given: 'Ana', family: 'Reyes' });
    await db.updateTable('patients').set({ preferredLanguage: 'es' }).where('id', '=', another).execute();
    const inEnglish = await clinician.json<CreatedInvitation>('POST', `/api/patients/${another}/invitation`, {
      language: 'en',
    });
    expect(inEnglish.status).toBe(201);
    const refused = await clinician.json<{ errors?: { pointer?: string; path?: string }[] }>(
      'POST',
      `/api/patients/${another}/invitation`,
      { language: 'vi' },
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('language');
  });

  it("answers a staff invitation's link page in Spanish for a browser that reads Spanish", async () => {
    const created = await admin.json<CreatedInvitation>('POST', '/api/invitations/staff', {
      displayName: 'Marisol Vega',
      email: freshEmail('marisol'),
      jobRole: 'supervisor',
      language: 'es',
    });
    expect(created.status).toBe(201);
    const [message] = await outboxRowsFor(created.body.invitation.email);
    expect(message?.body).toContain('como supervisor clínico');
    const preview = await server.anonymous.request(
      'GET',
      `/api/invitations/${tokenOf(created.body.link)}`,
      undefined,
      {
        'accept-language': 'es',
      },
    );
    expect(await preview.json()).toMatchObject({
      role: 'supervisor',
      roleLabel: 'Supervisor clínico',
      language: 'es',
    });
  });

  it('refuses clinicians off the care team (audited), and answers 404 for an unknown patient', async () => {
    const { db } = server.database;
    const patientId = await insertPatient(db, organizationId, { given: 'Sky', family: 'Offteam' });
    const refused = await clinician.json<{ code: string }>(
      'POST',
      `/api/patients/${patientId}/invitation`,
      {},
    );
    expect(refused.status).toBe(403);
    const denied = await db
      .selectFrom('auditEvents')
      .select(['outcome', 'actorUserId', 'action'])
      .where('organizationId', '=', organizationId)
      .where('patientId', '=', patientId)
      .execute();
    expect(denied).toEqual([{ outcome: 'denied', actorUserId: clinicianUserId, action: 'create' }]);
    const unknown = await clinician.request(
      'POST',
      '/api/patients/01900000-0000-7000-8000-000000000000/invitation',
      {},
    );
    expect(unknown.status).toBe(404);
  });

  it('asks for an email when the record has none', async () => {
    const { db } = server.database;
    const patientId = await insertPatient(db, organizationId, {
      given: 'Noa',
      family: 'Nomail',
      email: null,
    });
    await addToCareTeam(db, organizationId, patientId, clinicianStaffId, 'primary_therapist');
    const missing = await clinician.json<{ errors: { path: string }[] }>(
      'POST',
      `/api/patients/${patientId}/invitation`,
      {},
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]?.path).toBe('body.email');
    const given = await clinician.json<CreatedInvitation>('POST', `/api/patients/${patientId}/invitation`, {
      email: 'Noa.Nomail@Example.com',
    });
    expect(given.status).toBe(201);
    expect(given.body.invitation.email).toBe('noa.nomail@example.com');
  });
});

describe('family invitations (42 CFR Part 2 consent)', () => {
  async function familyFixture(given: string) {
    const { db } = server.database;
    const patientId = await patientOnClinicianCaseload({ given, family: 'Family', preferred: `${given}ie` });
    const email = freshEmail(`${given.toLowerCase()}-sibling`);
    const supportContactId = await insertSupportContact(db, organizationId, patientId, {
      name: `Sibling of ${given}`,
      email,
    });
    const path = `/api/patients/${patientId}/support-contacts/${supportContactId}/invitation`;
    return { patientId, supportContactId, email, path };
  }

  const consentFor = (
    fixture: { patientId: string; supportContactId: string },
    options: {
      categories?: ('attendance' | 'medications')[];
      startsInDays?: number;
      expiresInDays?: number;
    } = {},
  ) =>
    insertConsent(server.database.db, organizationId, {
      patientId: fixture.patientId,
      supportContactId: fixture.supportContactId,
      recipientName: 'Sibling',
      categories: options.categories ?? ['medications'],
      witnessedByUserId: clinicianUserId,
      ...(options.startsInDays === undefined ? {} : { startsInDays: options.startsInDays }),
      ...(options.expiresInDays === undefined ? {} : { expiresInDays: options.expiresInDays }),
    });

  it('refuses without an active consent naming the contact: none, expired, not yet begun, or revoked', async () => {
    const fixture = await familyFixture('Avery');
    const none = await clinician.json<{ code: string; reason: string; detail: string }>(
      'POST',
      fixture.path,
      {},
    );
    expect(none.status).toBe(409);
    expect(none.body).toMatchObject({ reason: 'consent_required', detail: expect.stringMatching(/consent/) });

    await consentFor(fixture, { startsInDays: -60, expiresInDays: -1 });
    await consentFor(fixture, { startsInDays: 2, expiresInDays: 90 });
    const revoked = await consentFor(fixture);
    await revokeConsent(server.database.db, organizationId, revoked, clinicianUserId);
    expect((await clinician.request('POST', fixture.path, {})).status).toBe(409);
    expect(await outboxRowsFor(fixture.email)).toEqual([]);
  });

  it('invites with consent, in words that reveal nothing clinical, and links the support contact on acceptance', async () => {
    const fixture = await familyFixture('Blake');
    await consentFor(fixture, { categories: ['medications'] });
    // The prescriber is on the care team but may not change support contacts.
    expect((await prescriber.request('POST', fixture.path, {})).status).toBe(403);

    const created = await clinician.json<CreatedInvitation>('POST', fixture.path, {});
    expect(created.status).toBe(201);
    expect(created.body.invitation).toMatchObject({
      kind: 'family_member',
      role: 'family_member',
      patientId: fixture.patientId,
      supportContactId: fixture.supportContactId,
    });
    const [message] = await outboxRowsFor(fixture.email);
    expect(message?.subject).toBe('Blakeie has invited you to Tandem');
    for (const text of [message?.subject ?? '', message?.body ?? '']) {
      expect(text).not.toMatch(/treatment|recovery|addiction|substance/i);
      expect(text).not.toContain(demoOrganization.name);
      expect(text).not.toContain('Casey');
    }
    const preview = await server.anonymous.json<InvitationPreview>(
      'GET',
      `/api/invitations/${tokenOf(created.body.link)}`,
    );
    expect(preview.body).toMatchObject({ invitedBy: 'Blakeie', organizationName: null, roleLabel: null });

    expect((await accept(created.body.link, newPassword, 'Sam Sibling')).status).toBe(201);
    const { db } = server.database;
    const contact = await db
      .selectFrom('supportContacts')
      .select('userId')
      .where('id', '=', fixture.supportContactId)
      .executeTakeFirstOrThrow();
    expect(contact.userId).toBe(await userIdOf(db, fixture.email));
    const family = await server.signIn(fixture.email, newPassword);
    expect((await family.json<{ role: string }>('GET', '/api/me')).body.role).toBe('family_member');
  });

  it('names the program in mail only when the consent lets the program disclose attendance and the organization opted in', async () => {
    const fixture = await familyFixture('Casey');
    await consentFor(fixture, { categories: ['attendance'] });
    // By default mail names no program at all (a shared mailbox, a preview read over a shoulder).
    expect((await clinician.json<CreatedInvitation>('POST', fixture.path, {})).status).toBe(201);
    const [unnamed] = await outboxRowsFor(fixture.email);
    expect(`${unnamed?.subject}\n${unnamed?.body}`).not.toContain(demoOrganization.name);

    const setting = await admin.json<{ namesProgram: boolean; version: number }>(
      'GET',
      '/api/organization/mail-wording',
    );
    expect(setting.body.namesProgram).toBe(false);
    expect(
      (
        await clinician.request('PUT', '/api/organization/mail-wording', {
          namesProgram: true,
          version: setting.body.version,
        })
      ).status,
    ).toBe(403);
    const optedIn = await admin.json<{ namesProgram: boolean; version: number }>(
      'PUT',
      '/api/organization/mail-wording',
      {
        namesProgram: true,
        version: setting.body.version,
      },
    );
    expect(optedIn.body.namesProgram).toBe(true);
    try {
      expect((await clinician.json<CreatedInvitation>('POST', fixture.path, {})).status).toBe(201);
      const [named] = await outboxRowsFor(fixture.email);
      expect(named?.subject).not.toContain(demoOrganization.name);
      expect(named?.body).toContain(demoOrganization.name);
      const stale = await admin.request('PUT', '/api/organization/mail-wording', {
        namesProgram: false,
        version: setting.body.version,
      });
      expect(stale.status).toBe(409);
    } finally {
      await admin.request('PUT', '/api/organization/mail-wording', {
        namesProgram: false,
        version: optedIn.body.version,
      });
    }
  });

  it('stops working when the patient revokes the consent before the link is used', async () => {
    const fixture = await familyFixture('Dana');
    const consentId = await consentFor(fixture);
    const created = await clinician.json<CreatedInvitation>('POST', fixture.path, {});
    expect(created.status).toBe(201);
    await revokeConsent(server.database.db, organizationId, consentId, clinicianUserId);
    expect(
      (await server.anonymous.request('GET', `/api/invitations/${tokenOf(created.body.link)}`)).status,
    ).toBe(410);
    expect((await accept(created.body.link)).status).toBe(410);
  });
});

describe('lists, withdrawal and organizations', () => {
  it('lists staff invitations to administrators and patients’ invitations to their care team only', async () => {
    const staff = await inviteNewStaff();
    const patientId = await patientOnClinicianCaseload({ given: 'Eli', family: 'Listed' });
    const patientInvitation = await clinician.json<CreatedInvitation>(
      'POST',
      `/api/patients/${patientId}/invitation`,
      {},
    );
    const adminList = await admin.json<{ items: Invitation[] }>('GET', '/api/invitations');
    const adminIds = adminList.body.items.map((item) => item.id);
    expect(adminIds).toContain(staff.invitation.id);
    expect(adminIds).not.toContain(patientInvitation.body.invitation.id);
    expect(adminList.body.items.every((item) => item.kind === 'staff')).toBe(true);

    const clinicianList = await clinician.json<{ items: Invitation[] }>('GET', '/api/invitations');
    const clinicianIds = clinicianList.body.items.map((item) => item.id);
    expect(clinicianIds).toContain(patientInvitation.body.invitation.id);
    expect(clinicianIds).not.toContain(staff.invitation.id);
    const filtered = await clinician.json<{ items: Invitation[] }>(
      'GET',
      `/api/invitations?patientId=${patientId}`,
    );
    expect(filtered.body.items.map((item) => item.id)).toEqual([patientInvitation.body.invitation.id]);

    expect((await frontDesk.json<{ items: Invitation[] }>('GET', '/api/invitations')).body.items).toEqual([]);
    // Portal invitations are the care team's to list (decidePatientList): the portal is refused the list.
    const patient = await server.signIn(demoAccountFor('patient').email);
    expect((await patient.request('GET', '/api/invitations')).status).toBe(403);
  });

  it('audits every read of the invitation list, an administrator’s list of staff invitations included', async () => {
    await inviteNewStaff();
    const since = await lastSequence();
    const adminList = await admin.json<{ items: Invitation[] }>('GET', '/api/invitations');
    expect(adminList.body.items.length).toBeGreaterThan(0);
    expect(await eventsSince(since, demoAccountFor('admin').email)).toEqual([
      { action: 'read', resourceType: 'invitation', patientId: null, outcome: 'allowed' },
    ]);
  });

  it('audits the staff-candidates read as a read, not a create', async () => {
    const since = await lastSequence();
    const candidates = await admin.json<{ items: unknown[] }>('GET', '/api/invitations/staff-candidates');
    expect(candidates.status).toBe(200);
    expect(await eventsSince(since, demoAccountFor('admin').email)).toEqual([
      { action: 'read', resourceType: 'staff_directory', patientId: null, outcome: 'allowed' },
    ]);
    const refused = await clinician.request('GET', '/api/invitations/staff-candidates');
    expect(refused.status).toBe(403);
    expect(await eventsSince(since, demoAccountFor('clinician').email)).toEqual([
      { action: 'read', resourceType: 'staff_directory', patientId: null, outcome: 'denied' },
    ]);
  });

  it('lets the care team withdraw a patient’s invitation, refuses others, and refuses a stale version', async () => {
    const patientId = await patientOnClinicianCaseload({ given: 'Fern', family: 'Withdrawn' });
    const created = await clinician.json<CreatedInvitation>(
      'POST',
      `/api/patients/${patientId}/invitation`,
      {},
    );
    const path = `/api/invitations/${created.body.invitation.id}/revoke`;
    expect((await admin.request('POST', path, { version: 1 })).status).toBe(403);
    expect((await frontDesk.request('POST', path, { version: 1 })).status).toBe(403);
    expect((await clinician.request('POST', path, { version: 7 })).status).toBe(409);
    const revoked = await clinician.json<Invitation>('POST', path, {
      version: created.body.invitation.version,
    });
    expect(revoked.status).toBe(200);
    expect((await accept(created.body.link)).status).toBe(410);
  });

  it('keeps another organization’s invitations and outbox out of sight and out of reach', async () => {
    const { db } = server.database;
    const other = await insertOrganizationWithStaff(db, {
      slug: 'other-program',
      email: 'admin@other.example.org',
      password: newPassword,
      role: 'admin',
    });
    const otherAdmin = await server.signIn('admin@other.example.org', newPassword);
    const ours = await inviteNewStaff();

    expect((await otherAdmin.json<{ items: Invitation[] }>('GET', '/api/invitations')).body.items).toEqual(
      [],
    );
    const outbox = await otherAdmin.json<{ items: unknown[] }>('GET', '/api/outbox');
    expect(outbox).toEqual({ status: 200, body: { mailServer: false, items: [] } });
    const revoke = await otherAdmin.request('POST', `/api/invitations/${ours.invitation.id}/revoke`, {
      version: ours.invitation.version,
    });
    expect(revoke.status).toBe(404);
    const reinvite = await otherAdmin.request('POST', '/api/invitations/staff', {
      staffMemberId: ours.invitation.staffMemberId,
    });
    expect(reinvite.status).toBe(404);

    const theirs = await otherAdmin.json<CreatedInvitation>('POST', '/api/invitations/staff', {
      displayName: 'Their Hire',
      email: freshEmail('their-hire'),
      jobRole: 'front_desk',
    });
    expect(theirs.status).toBe(201);
    expect(theirs.body.invitation.createdByName).toBe('Staff of other-program');
    const ourList = await admin.json<{ items: Invitation[] }>('GET', '/api/invitations');
    expect(ourList.body.items.map((item) => item.id)).not.toContain(theirs.body.invitation.id);
    const ourOutbox = await admin.json<{ items: { recipient: string }[] }>('GET', '/api/outbox');
    expect(ourOutbox.body.items.map((item) => item.recipient)).not.toContain(theirs.body.invitation.email);
    expect(
      (await admin.request('POST', `/api/invitations/${theirs.body.invitation.id}/revoke`, { version: 1 }))
        .status,
    ).toBe(404);
    expect(other.organizationId).not.toBe(organizationId);
  });

  it('shows the outbox, with whether each link still works, to administrators only', async () => {
    const created = await inviteNewStaff();
    const outbox = await admin.json<{
      items: { invitationId: string; invitationStatus: string; body: string }[];
    }>('GET', '/api/outbox');
    expect(outbox.status).toBe(200);
    const message = outbox.body.items.find((item) => item.invitationId === created.invitation.id);
    expect(message).toMatchObject({
      invitationStatus: 'pending',
      body: expect.stringMatching(/invitation link/),
    });
    expect(message?.body).not.toContain(tokenOf(created.link));
    for (const client of [clinician, frontDesk, prescriber]) {
      expect((await client.request('GET', '/api/outbox')).status).toBe(403);
    }
    expect((await server.anonymous.request('GET', '/api/outbox')).status).toBe(401);
  });
});

describe('the link in logs', () => {
  it('never writes an invitation token to the log, from the web page or the API', async () => {
    const created = await inviteNewStaff();
    const token = tokenOf(created.link);
    await server.anonymous.request('GET', `/invitations/${token}`, undefined, { accept: 'text/html' });
    await server.anonymous.request('GET', `/api/invitations/${token}`);
    await server.anonymous.request('GET', `/api/invitations/${token.slice(0, 30)}`);
    await accept(created.link);
    const mentions = logLines.filter((line) => line.includes('/invitations/'));
    expect(mentions.length).toBeGreaterThan(0);
    expect(logLines.filter((line) => line.includes(token.slice(0, 30)))).toEqual([]);
    expect(mentions.some((line) => line.includes('/api/invitations/:token/accept'))).toBe(true);
  });
});
