import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlertRepository, alertRepository } from '../alerts/repository.ts';
import type { Alert } from '../alerts/schemas.ts';
import { auditRepository } from '../audit/repository.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { recordKernel } from '../records/unit-of-work.ts';
import { userIdOf } from '../testing/invitation-fixtures.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';
import { raiseOverdueIntakeAlerts } from './intake-overdue-alerts.ts';
import { intakeService } from './intake-service.ts';

/**
 * Overdue intake items on the alert mechanism: the demo's overdue "intake assessments done" (raised when the
 * server created the demo) is routed to the primary therapist; completing the item resolves its alert in the
 * same unit of work, and nothing else does.
 */
let server: TestServer;
let organizationId: string;
let clinician: TestClient;
let frontDesk: TestClient;
let clinicianUserId: string;
let overdue: { alertId: string; patientId: string; episodeId: string; itemId: string; admittedOn: string };

const openIntakeAlert = async () =>
  server.database.db
    .selectFrom('alerts')
    .select(['id', 'patientId', 'sourceKey', 'resolvedAt', 'resolvedByUserId', 'resolution'])
    .where('organizationId', '=', organizationId)
    .where('kind', '=', 'intake_item_overdue')
    .where('resolvedAt', 'is', null)
    .executeTakeFirst();

const inbox = async (client: TestClient) =>
  (await client.json<{ alerts: Alert[] }>('GET', '/api/alerts')).body.alerts.map((alert) => alert.id);

const tickPath = () =>
  `/api/patients/${overdue.patientId}/episodes/${overdue.episodeId}/intake/${overdue.itemId}`;

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  organizationId = server.demo?.organizationId ?? '';
  clinician = await server.signIn(demoAccountFor('clinician').email);
  frontDesk = await server.signIn(demoAccountFor('front_desk').email);
  clinicianUserId = await userIdOf(db, demoAccountFor('clinician').email);
  const alert = await openIntakeAlert();
  if (alert === undefined || alert.patientId === null)
    throw new Error('The demo raises one overdue intake alert');
  const [episodeId = '', itemId = ''] = alert.sourceKey.split(':');
  const episode = await db
    .selectFrom('episodesOfCare')
    .select('admittedOn')
    .where('id', '=', episodeId)
    .executeTakeFirstOrThrow();
  overdue = {
    alertId: alert.id,
    patientId: alert.patientId,
    episodeId,
    itemId,
    admittedOn: episode.admittedOn,
  };
});
afterAll(async () => {
  await server?.close();
});

describe('completing an overdue intake item', () => {
  it('leaves the alert open when the completion is refused (the front desk and a clinical item)', async () => {
    expect(await inbox(clinician)).toContain(overdue.alertId);
    const refused = await frontDesk.json('POST', tickPath(), { completedOn: overdue.admittedOn });
    expect(refused.status).toBe(403);
    expect((await openIntakeAlert())?.id).toBe(overdue.alertId);
  });

  it('leaves the alert open when the completion fails after resolving it (one unit of work)', async () => {
    const { db } = server.database;
    const real = alertRepository(db);
    const failing: AlertRepository = {
      ...real,
      resolveOpenFromSource: async (...args) => {
        await real.resolveOpenFromSource(...args);
        throw new Error('the checklist failed to save');
      },
    };
    const service = intakeService(recordKernel(db), failing);
    const context = {
      principal: {
        userId: clinicianUserId,
        sessionId: 'test',
        name: 'Dr. Casey Rivera',
        email: demoAccountFor('clinician').email,
        organizationId,
        role: 'clinician' as const,
        staffMemberId: null,
        language: 'en' as const,
      },
      access: null,
      actor: { actorUserId: clinicianUserId, actorRole: 'clinician', ipAddress: null, userAgent: 'vitest' },
    };
    await expect(
      service.tick(context, overdue.patientId, overdue.episodeId, overdue.itemId, {
        completedOn: overdue.admittedOn,
      }),
    ).rejects.toThrow('failed to save');
    expect((await openIntakeAlert())?.id).toBe(overdue.alertId);
    const completions = await db
      .selectFrom('episodeIntakeCompletions')
      .select('itemId')
      .where('episodeId', '=', overdue.episodeId)
      .where('itemId', '=', overdue.itemId)
      .execute();
    expect(completions).toEqual([]);
  });

  it('resolves its alert for everyone in the unit of work that completes it, audited', async () => {
    const head = (await auditRepository(server.database.db).chainHead(organizationId))?.lastSequence ?? 0;
    const done = await clinician.json('POST', tickPath(), {
      completedOn: overdue.admittedOn,
      note: 'ASI and PHQ-9 done at admission',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const resolved = await server.database.db
      .selectFrom('alerts')
      .select(['resolvedAt', 'resolvedByUserId', 'resolution'])
      .where('id', '=', overdue.alertId)
      .executeTakeFirstOrThrow();
    expect(resolved).toMatchObject({
      resolvedByUserId: clinicianUserId,
      resolution: `Intake item completed (dated ${overdue.admittedOn}).`,
    });
    expect(await inbox(clinician)).not.toContain(overdue.alertId);
    const events = await auditRepository(server.database.db).eventsAfter(organizationId, head, 100);
    const written = events.filter((event) => event.action === 'update');
    expect(written.map((event) => [event.resourceType, event.resourceId, event.actorRole]).sort()).toEqual([
      ['alert', overdue.alertId, 'clinician'],
      ['intake_checklist', overdue.itemId, 'clinician'],
    ]);
    // One unit of work: the two events are consecutive in the chain.
    expect(Math.abs((written[0]?.sequence ?? 0) - (written[1]?.sequence ?? 0))).toBe(1);
  });

  it('lets the sweep raise a new alert when the item is unticked and still overdue, and not before', async () => {
    const { db } = server.database;
    const records = recordKernel(db);
    expect(await raiseOverdueIntakeAlerts(records, alertRepository(db), organizationId)).toBe(0);
    const undone = await clinician.json('DELETE', tickPath());
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(await raiseOverdueIntakeAlerts(records, alertRepository(db), organizationId)).toBe(1);
    const again = await openIntakeAlert();
    expect(again?.id).not.toBe(overdue.alertId);
    expect(await inbox(clinician)).toContain(again?.id);
  });
});
