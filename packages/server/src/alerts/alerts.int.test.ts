import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../audit/repository.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { type RecordContext, systemContext } from '../records/record-context.ts';
import { type RecordKernel, recordKernel } from '../records/unit-of-work.ts';
import { insertPatient, staffMemberIdOf } from '../testing/invitation-fixtures.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';
import { type AlertToRaise, raiseAlert } from './raise-alert.ts';
import { type AlertRepository, alertRepository } from './repository.ts';
import type { Alert } from './schemas.ts';
import { type AlertService, alertService } from './service.ts';

let server: TestServer;
let organizationId: string;
let records: RecordKernel;
let repository: AlertRepository;
let service: AlertService;
let clinician: TestClient;
let prescriber: TestClient;
let supervisor: TestClient;
let frontDesk: TestClient;
let patientClient: TestClient;
let cared: string;
let unassigned: string;
let supervisorUserIds: string[];
let sourceCounter = 0;

const userIdOf = async (email: string) =>
  (
    await server.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
  ).id;

const risk = (
  patientId: string | null,
  summary = 'Answered "nearly every day" to the self-harm item',
): AlertToRaise => {
  sourceCounter += 1;
  return {
    kind: 'risk_signal',
    patientId,
    summary,
    sourceType: 'test_measure',
    sourceKey: `m-${sourceCounter}`,
  };
};

/** Raises an alert in a unit of work of its own, as a feature does in the transaction that records the signal. */
const raise = (alert: AlertToRaise, context: RecordContext = systemContext(organizationId, 'test')) =>
  records.write(context, (unit) => raiseAlert(unit, repository, alert));

const inbox = async (client: TestClient) => {
  const response = await client.json<{ alerts: Alert[] }>('GET', '/api/alerts');
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.alerts;
};

const counts = async () => {
  const { db } = server.database;
  const count = async (table: 'alerts' | 'alertRecipients' | 'outboxMessages') =>
    Number((await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return {
    alerts: await count('alerts'),
    recipients: await count('alertRecipients'),
    messages: await count('outboxMessages'),
    head: await auditRepository(db).chainHead(organizationId),
  };
};

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  organizationId = server.demo?.organizationId ?? '';
  records = recordKernel(db);
  repository = alertRepository(db);
  service = alertService(records, repository);
  clinician = await server.signIn(demoAccountFor('clinician').email);
  prescriber = await server.signIn(demoAccountFor('prescriber').email);
  supervisor = await server.signIn(demoAccountFor('supervisor').email);
  frontDesk = await server.signIn(demoAccountFor('front_desk').email);
  patientClient = await server.signIn(demoAccountFor('patient').email);
  cared = await insertPatient(db, organizationId, { given: 'Robin', family: 'Alerted' });
  unassigned = await insertPatient(db, organizationId, { given: 'Noor', family: 'Unassigned' });
  for (const [account, role] of [
    ['clinician', 'primary_therapist'],
    ['prescriber', 'prescriber'],
  ] as const) {
    await db
      .insertInto('careTeamMembers')
      .values({
        organizationId,
        patientId: cared,
        staffMemberId: await staffMemberIdOf(db, organizationId, demoAccountFor(account).email),
        role,
      })
      .execute();
  }
  supervisorUserIds = (
    await db
      .selectFrom('memberships')
      .select('userId')
      .where('organizationId', '=', organizationId)
      .where('role', '=', 'supervisor')
      .where('deactivatedAt', 'is', null)
      .execute()
  ).map((row) => row.userId);
});
afterAll(async () => {
  await server?.close();
});

describe('alerts that reach a person', () => {
  it('routes a risk signal to the primary therapist and the prescriber, each sent a message without the content', async () => {
    const alertId = await raise(risk(cared));
    const mine = (await inbox(clinician)).find((alert) => alert.id === alertId);
    expect(mine).toMatchObject({
      kind: 'risk_signal',
      severity: 'urgent',
      status: 'open',
      patientId: cared,
      patientName: 'Robin Alerted',
    });
    expect((await inbox(prescriber)).map((alert) => alert.id)).toContain(alertId);
    expect((await inbox(supervisor)).map((alert) => alert.id)).not.toContain(alertId);
    const messages = await server.database.db
      .selectFrom('outboxMessages')
      .select(['recipient', 'subject', 'body'])
      .where('alertId', '=', alertId)
      .orderBy('recipient')
      .execute();
    expect(messages.map((message) => message.recipient)).toEqual(
      [demoAccountFor('clinician').email, demoAccountFor('prescriber').email].sort(),
    );
    for (const message of messages) {
      expect(`${message.subject} ${message.body}`).not.toMatch(/Robin|Alerted|self-harm/);
    }
  });

  it('sends an alert whose routing finds nobody to the supervisors', async () => {
    const alertId = await raise(risk(unassigned));
    expect(supervisorUserIds.length).toBeGreaterThan(0);
    expect(await repository.recipientIds(server.database.db, organizationId, alertId)).toEqual(
      expect.arrayContaining(supervisorUserIds),
    );
    expect((await inbox(supervisor)).map((alert) => alert.id)).toContain(alertId);
    expect((await inbox(clinician)).map((alert) => alert.id)).not.toContain(alertId);
  });

  it('rolls the alert back with its cause when the transaction that raised it fails', async () => {
    const before = await counts();
    await expect(
      records.write(systemContext(organizationId, 'test'), async (unit) => {
        await raiseAlert(unit, repository, risk(cared));
        throw new Error('the note failed to save after the risk was flagged');
      }),
    ).rejects.toThrow('failed to save');
    expect(await counts()).toEqual(before);
  });

  it('raises one open alert per source however often the source raises it', async () => {
    const alert = risk(cared);
    const first = await raise(alert);
    expect(await raise(alert)).toBe(first);
    const open = (await inbox(clinician)).filter((candidate) => candidate.id === first);
    expect(open).toHaveLength(1);
  });

  it('shows alerts to clinical staff only: the front desk and the patient are refused the inbox', async () => {
    expect((await frontDesk.json('GET', '/api/alerts')).status).toBe(403);
    expect((await patientClient.json('GET', '/api/alerts')).status).toBe(403);
  });

  it('stays open until a clinician records what was done, with every change audited', async () => {
    const alertId = await raise(risk(cared));
    const [alert] = (await inbox(clinician)).filter((candidate) => candidate.id === alertId);
    const acknowledged = await clinician.json<Alert>('POST', `/api/alerts/${alertId}/acknowledge`, {
      version: alert?.version,
    });
    expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(200);
    expect(acknowledged.body).toMatchObject({
      status: 'acknowledged',
      acknowledgedByName: 'Dr. Casey Rivera',
    });

    const tooShort = await prescriber.json('POST', `/api/alerts/${alertId}/resolve`, {
      version: acknowledged.body.version,
      resolution: 'ok',
    });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body).toMatchObject({ errors: [{ path: 'body.resolution' }] });
    expect((await inbox(prescriber)).map((candidate) => candidate.id)).toContain(alertId);

    const resolved = await prescriber.json<Alert>('POST', `/api/alerts/${alertId}/resolve`, {
      version: acknowledged.body.version,
      resolution: 'Called Robin, safety plan reviewed, next session moved to tomorrow.',
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedByName: 'Dr. Priya Natarajan' });
    expect((await inbox(clinician)).map((candidate) => candidate.id)).not.toContain(alertId);

    const events = (await auditRepository(server.database.db).eventsAfter(organizationId, 0, 100_000)).filter(
      (event) => event.resourceType === 'alert' && event.resourceId === alertId,
    );
    expect(events.map((event) => [event.action, event.actorRole, event.patientId])).toEqual([
      ['create', 'system', cared],
      ['update', 'clinician', cared],
      ['update', 'prescriber', cared],
    ]);
  });

  it('refuses a stale acknowledgement with the alert as it is now, and lets one of two at once win', async () => {
    const alertId = await raise(risk(cared));
    const [alert] = (await inbox(clinician)).filter((candidate) => candidate.id === alertId);
    const both = await Promise.all([
      clinician.json<Alert>('POST', `/api/alerts/${alertId}/acknowledge`, { version: alert?.version }),
      prescriber.json<Alert>('POST', `/api/alerts/${alertId}/acknowledge`, { version: alert?.version }),
    ]);
    expect(both.map((response) => response.status).sort()).toEqual([200, 409]);
    const refused = both.find((response) => response.status === 409);
    expect(refused?.body).toMatchObject({ code: 'version_conflict', current: { status: 'acknowledged' } });
  });

  it('answers 404 for an alert that was not routed to the caller, and changes nothing', async () => {
    const alertId = await raise(risk(unassigned));
    const response = await clinician.json('POST', `/api/alerts/${alertId}/acknowledge`, { version: 1 });
    expect(response.status).toBe(404);
    expect((await inbox(supervisor)).find((alert) => alert.id === alertId)?.status).toBe('open');
  });

  it('escalates to the supervisors an alert nobody acknowledged in the organization time, once', async () => {
    const { db } = server.database;
    const [row] = await db
      .insertInto('alerts')
      .values({
        organizationId,
        patientId: cared,
        kind: 'risk_signal',
        severity: 'urgent',
        summary: 'Reported use on the weekend',
        sourceType: 'test_measure',
        sourceKey: 'escalation',
        raisedAt: new Date(Date.now() - 2 * 60 * 60_000),
      })
      .returning('id')
      .execute();
    const alertId = row?.id ?? '';
    await db
      .insertInto('alertRecipients')
      .values({
        organizationId,
        alertId,
        userId: await userIdOf(demoAccountFor('clinician').email),
        reason: 'primary_therapist',
      })
      .execute();
    expect((await inbox(supervisor)).map((alert) => alert.id)).not.toContain(alertId);

    expect(await service.escalateDue(organizationId)).toBeGreaterThanOrEqual(1);
    const escalated = (await inbox(supervisor)).find((alert) => alert.id === alertId);
    expect(escalated?.escalatedAt).not.toBeNull();
    expect(
      await db.selectFrom('outboxMessages').select('recipient').where('alertId', '=', alertId).execute(),
    ).toContainEqual({ recipient: demoAccountFor('supervisor').email });
    expect(await service.escalateDue(organizationId)).toBe(0);
  });

  it('does not escalate an alert someone acknowledged', async () => {
    const alertId = await raise(risk(cared));
    const [alert] = (await inbox(clinician)).filter((candidate) => candidate.id === alertId);
    await clinician.json('POST', `/api/alerts/${alertId}/acknowledge`, { version: alert?.version });
    await server.database.db
      .updateTable('organizations')
      .set({ alertEscalationMinutes: 5 })
      .where('id', '=', organizationId)
      .execute();
    await service.escalateDue(organizationId);
    expect((await inbox(clinician)).find((candidate) => candidate.id === alertId)?.escalatedAt).toBeNull();
  });

  it('never deletes or rewrites an alert (the database refuses)', async () => {
    const alertId = await raise(risk(cared));
    const { db } = server.database;
    await expect(db.deleteFrom('alerts').where('id', '=', alertId).execute()).rejects.toThrow(
      /never deleted/,
    );
    await expect(
      db.updateTable('alerts').set({ summary: 'Nothing happened' }).where('id', '=', alertId).execute(),
    ).rejects.toThrow(/not rewritten/);
    await expect(db.deleteFrom('alertRecipients').where('alertId', '=', alertId).execute()).rejects.toThrow(
      /never deleted/,
    );
  });
});
