import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlertRepository, alertRepository } from '../alerts/repository.ts';
import type { Alert } from '../alerts/schemas.ts';
import { auditRepository } from '../audit/repository.ts';
import type { BreakGlassGrantEntry } from '../audit-log/schemas.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import type { RecordContext } from '../records/record-context.ts';
import { recordKernel } from '../records/unit-of-work.ts';
import {
  addToCareTeam,
  insertOrganizationWithStaff,
  insertPatient,
  staffMemberIdOf,
  userIdOf,
} from '../testing/invitation-fixtures.ts';
import { insertStaffUser } from '../testing/staff-fixtures.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';
import { breakGlassService } from './break-glass.ts';
import { breakGlassRepository } from './break-glass-repository.ts';

/**
 * Break-the-glass on the record kernel: the grant, its audit event and the `break_glass_review` alert are one
 * unit of work; the alert reaches the supervisors of the patient's primary therapist (else every supervisor,
 * else the administrators) and never the grantee; recording the review resolves it.
 */
let server: TestServer;
let organizationId: string;
let prescriber: TestClient;
let supervisor: TestClient;
let otherSupervisor: TestClient;
let users: { prescriber: string; supervisor: string; otherSupervisor: string; clinician: string };
/** The demo clinician's patient: the demo supervisor supervises the clinician. */
let supervisedCase: string;
/** A patient whose primary therapist nobody supervises. */
let unsupervisedCase: string;

const reason = 'Patient collapsed in the lobby; need the medication list now';

const recipientsOf = async (alertId: string) =>
  (
    await server.database.db
      .selectFrom('alertRecipients')
      .select(['userId', 'reason'])
      .where('alertId', '=', alertId)
      .orderBy('userId')
      .execute()
  ).map((row) => ({ ...row }));

const reviewAlertOf = (grantId: string) =>
  server.database.db
    .selectFrom('alerts')
    .selectAll()
    .where('sourceType', '=', 'break_glass_grant')
    .where('sourceKey', '=', grantId)
    .executeTakeFirst();

const inbox = async (client: TestClient) => {
  const response = await client.json<{ alerts: Alert[] }>('GET', '/api/alerts');
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.alerts;
};

const breakGlass = (client: TestClient, patientId: string) =>
  client.json<{ grantId: string; expiresAt: string }>('POST', `/api/patients/${patientId}/break-glass`, {
    reason,
  });

const countRows = async (table: 'breakGlassGrants' | 'alerts' | 'alertRecipients' | 'outboxMessages') => {
  const { db } = server.database;
  return Number((await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
};

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  organizationId = server.demo?.organizationId ?? '';
  const second = await insertStaffUser(db, organizationId, {
    name: 'Dr. Lee Second',
    email: 'second.supervisor@demo.tandem.test',
    role: 'supervisor',
  });
  users = {
    prescriber: await userIdOf(db, demoAccountFor('prescriber').email),
    supervisor: await userIdOf(db, demoAccountFor('supervisor').email),
    otherSupervisor: second.userId,
    clinician: await userIdOf(db, demoAccountFor('clinician').email),
  };
  supervisedCase = await insertPatient(db, organizationId, { given: 'Avery', family: 'Supervised' });
  await addToCareTeam(
    db,
    organizationId,
    supervisedCase,
    await staffMemberIdOf(db, organizationId, demoAccountFor('clinician').email),
    'primary_therapist',
  );
  unsupervisedCase = await insertPatient(db, organizationId, { given: 'Blair', family: 'Unsupervised' });
  prescriber = await server.signIn(demoAccountFor('prescriber').email);
  supervisor = await server.signIn(demoAccountFor('supervisor').email);
  otherSupervisor = await server.signIn('second.supervisor@demo.tandem.test');
});
afterAll(async () => {
  await server?.close();
});

describe('break-the-glass raises its review alert', () => {
  it('routes the review to the supervisors of the primary therapist, in the transaction of the grant', async () => {
    const granted = await breakGlass(prescriber, supervisedCase);
    expect(granted.status, JSON.stringify(granted.body)).toBe(201);
    const alert = await reviewAlertOf(granted.body.grantId);
    expect(alert).toMatchObject({
      kind: 'break_glass_review',
      severity: 'high',
      patientId: supervisedCase,
      raisedByUserId: users.prescriber,
      resolvedAt: null,
    });
    expect(await recipientsOf(alert?.id ?? '')).toEqual([
      { userId: users.supervisor, reason: 'primary_therapist_supervisors' },
    ]);
    const shown = (await inbox(supervisor)).find((candidate) => candidate.id === alert?.id);
    expect(shown).toMatchObject({ breakGlassGrantId: granted.body.grantId, patientName: 'Avery Supervised' });
    expect((await inbox(prescriber)).map((candidate) => candidate.id)).not.toContain(alert?.id);
    expect((await inbox(otherSupervisor)).map((candidate) => candidate.id)).not.toContain(alert?.id);
    // The grant's event and the alert's are in the same unit: both in the trail.
    const events = (await auditRepository(server.database.db).eventsAfter(organizationId, 0, 100_000)).filter(
      (event) => event.resourceId === granted.body.grantId || event.resourceId === alert?.id,
    );
    expect(events.map((event) => [event.action, event.resourceType, event.actorRole])).toEqual([
      ['break_glass', 'break_glass_grant', 'prescriber'],
      ['create', 'alert', 'prescriber'],
    ]);
  });

  it('routes it to every supervisor when the primary therapist has none', async () => {
    const granted = await breakGlass(prescriber, unsupervisedCase);
    expect(granted.status).toBe(201);
    const alert = await reviewAlertOf(granted.body.grantId);
    expect(await recipientsOf(alert?.id ?? '')).toEqual(
      [
        { userId: users.supervisor, reason: 'fallback_supervisors' },
        { userId: users.otherSupervisor, reason: 'fallback_supervisors' },
      ].sort((a, b) => a.userId.localeCompare(b.userId)),
    );
  });

  it('never routes it to the grantee, even a supervisor', async () => {
    const granted = await breakGlass(otherSupervisor, unsupervisedCase);
    expect(granted.status, JSON.stringify(granted.body)).toBe(201);
    const alert = await reviewAlertOf(granted.body.grantId);
    expect(await recipientsOf(alert?.id ?? '')).toEqual([
      { userId: users.supervisor, reason: 'fallback_supervisors' },
    ]);
    expect((await inbox(otherSupervisor)).map((candidate) => candidate.id)).not.toContain(alert?.id);
  });

  it('routes it to the administrators when the grantee is the only supervisor', async () => {
    const { db } = server.database;
    const other = await insertOrganizationWithStaff(db, {
      slug: 'solo-supervisor',
      email: 'solo.supervisor@other.tandem.test',
      password: 'irrelevant-password-1',
      role: 'supervisor',
    });
    const admin = await insertStaffUser(db, other.organizationId, {
      name: 'Solo Admin',
      email: 'solo.admin@other.tandem.test',
      role: 'admin',
    });
    const patientId = await insertPatient(db, other.organizationId, { given: 'Casey', family: 'Solo' });
    const grant = await breakGlassService(recordKernel(db)).open(
      contextOf(other.organizationId, other.userId),
      patientId,
      reason,
    );
    const alert = await reviewAlertOf(grant.grantId);
    expect(await recipientsOf(alert?.id ?? '')).toEqual([
      { userId: admin.userId, reason: 'fallback_administrators' },
    ]);
  });
});

describe('a failure after raising', () => {
  it('rolls back the grant, its audit event and the alert together', async () => {
    const { db } = server.database;
    const failing: AlertRepository = {
      ...alertRepository(db),
      queueMessages: async () => {
        throw new Error('the outbox is unreachable');
      },
    };
    const before = {
      grants: await countRows('breakGlassGrants'),
      alerts: await countRows('alerts'),
      recipients: await countRows('alertRecipients'),
      messages: await countRows('outboxMessages'),
      head: await auditRepository(db).chainHead(organizationId),
    };
    await expect(
      breakGlassService(recordKernel(db), breakGlassRepository(), failing).open(
        contextOf(organizationId, users.prescriber, 'prescriber'),
        unsupervisedCase,
        reason,
      ),
    ).rejects.toThrow('the outbox is unreachable');
    expect({
      grants: await countRows('breakGlassGrants'),
      alerts: await countRows('alerts'),
      recipients: await countRows('alertRecipients'),
      messages: await countRows('outboxMessages'),
      head: await auditRepository(db).chainHead(organizationId),
    }).toEqual(before);
  });

  it('refuses the grant when nobody but the grantee could review it (409), leaving no grant', async () => {
    const { db } = server.database;
    const lonely = await insertOrganizationWithStaff(db, {
      slug: 'lonely-supervisor',
      email: 'lonely.supervisor@other.tandem.test',
      password: 'irrelevant-password-2',
      role: 'supervisor',
    });
    const patientId = await insertPatient(db, lonely.organizationId, { given: 'Dale', family: 'Lonely' });
    await expect(
      breakGlassService(recordKernel(db)).open(
        contextOf(lonely.organizationId, lonely.userId),
        patientId,
        reason,
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
    const grants = await db
      .selectFrom('breakGlassGrants')
      .select('id')
      .where('organizationId', '=', lonely.organizationId)
      .execute();
    expect(grants).toEqual([]);
  });
});

describe('reviewing the access', () => {
  it('opens the grant the alert links to, audited, and resolves the alert when the review is recorded', async () => {
    const granted = await breakGlass(prescriber, supervisedCase);
    const [alert] = (await inbox(supervisor)).filter(
      (candidate) => candidate.breakGlassGrantId === granted.body.grantId,
    );
    expect(alert?.status).toBe('open');

    const head = (await auditRepository(server.database.db).chainHead(organizationId))?.lastSequence ?? 0;
    const opened = await supervisor.json<BreakGlassGrantEntry>(
      'GET',
      `/api/break-glass-grants/${granted.body.grantId}`,
    );
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body).toMatchObject({
      id: granted.body.grantId,
      patient: { id: supervisedCase },
      user: { userId: users.prescriber },
      reason,
      review: null,
    });
    const read = (await auditRepository(server.database.db).eventsAfter(organizationId, head, 100)).filter(
      (event) => event.resourceId === granted.body.grantId,
    );
    expect(read.map((event) => [event.action, event.resourceType, event.outcome])).toEqual([
      ['read', 'break_glass_review', 'allowed'],
    ]);

    const reviewed = await supervisor.json<BreakGlassGrantEntry>(
      'POST',
      `/api/break-glass-grants/${granted.body.grantId}/review`,
      { version: opened.body.version, note: 'Justified: patient collapsed, medication list needed.' },
    );
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
    expect(reviewed.body.review?.reviewedBy.userId).toBe(users.supervisor);

    expect((await inbox(supervisor)).map((candidate) => candidate.id)).not.toContain(alert?.id);
    expect(await reviewAlertOf(granted.body.grantId)).toMatchObject({
      resolvedByUserId: users.supervisor,
      acknowledgedByUserId: users.supervisor,
      resolution: 'Access reviewed: Justified: patient collapsed, medication list needed.',
    });
    const events = (await auditRepository(server.database.db).eventsAfter(organizationId, head, 100)).map(
      (event) => [event.action, event.resourceType, event.resourceId],
    );
    expect(events).toContainEqual(['review', 'break_glass_grant', granted.body.grantId]);
    expect(events).toContainEqual(['update', 'alert', alert?.id]);
  });

  it('keeps the alert open when the review is refused (the grantee reviewing their own access)', async () => {
    const granted = await breakGlass(otherSupervisor, unsupervisedCase);
    const refused = await otherSupervisor.json(
      'POST',
      `/api/break-glass-grants/${granted.body.grantId}/review`,
      {
        version: 1,
        note: 'It was fine, trust me.',
      },
    );
    expect(refused.status).toBe(403);
    expect((await reviewAlertOf(granted.body.grantId))?.resolvedAt).toBeNull();
  });

  it('answers 404 for another organization’s grant, to read or to review, and refuses it to clinicians', async () => {
    const { db } = server.database;
    const elsewhere = await insertOrganizationWithStaff(db, {
      slug: 'elsewhere',
      email: 'elsewhere.supervisor@other.tandem.test',
      password: 'irrelevant-password-3',
      role: 'supervisor',
    });
    await insertStaffUser(db, elsewhere.organizationId, {
      name: 'Elsewhere Admin',
      email: 'elsewhere.admin@other.tandem.test',
      role: 'admin',
    });
    const patientId = await insertPatient(db, elsewhere.organizationId, {
      given: 'Eden',
      family: 'Elsewhere',
    });
    const theirs = await breakGlassService(recordKernel(db)).open(
      contextOf(elsewhere.organizationId, elsewhere.userId),
      patientId,
      reason,
    );
    const read = await supervisor.json('GET', `/api/break-glass-grants/${theirs.grantId}`);
    expect(read.status).toBe(404);
    expect(JSON.stringify(read.body)).not.toContain('Eden');
    const review = await supervisor.json('POST', `/api/break-glass-grants/${theirs.grantId}/review`, {
      version: 1,
      note: 'Not ours to review.',
    });
    expect(review.status).toBe(404);
    expect((await reviewAlertOf(theirs.grantId))?.resolvedAt).toBeNull();

    const ours = await breakGlass(prescriber, unsupervisedCase);
    expect((await prescriber.json('GET', `/api/break-glass-grants/${ours.body.grantId}`)).status).toBe(403);
  });
});

/** The context of a staff member acting outside HTTP (the service on its own, as a route would call it). */
function contextOf(
  organization: string,
  userId: string,
  role: 'supervisor' | 'prescriber' = 'supervisor',
): RecordContext {
  return {
    principal: {
      userId,
      sessionId: 'test',
      name: 'Test Staff',
      email: 'staff@test.invalid',
      organizationId: organization,
      role,
      staffMemberId: null,
      language: 'en',
    },
    access: null,
    actor: { actorUserId: userId, actorRole: role, ipAddress: null, userAgent: 'vitest' },
  };
}
