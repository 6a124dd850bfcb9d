import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../audit/repository.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

/** Routes that name a record by its own id: the hook finds its patient, decides and audits as for the patient. */
let server: TestServer;
let organizationId: string;
const patient: Record<'pat' | 'riley', { id: string; episodeId: string }> = {
  pat: { id: '', episodeId: '' },
  riley: { id: '', episodeId: '' },
};

beforeAll(async () => {
  server = await startTestServer();
  organizationId = server.demo?.organizationId ?? '';
  const { db } = server.database;
  for (const [who, given] of [
    ['pat', 'Pat'],
    ['riley', 'Riley'],
  ] as const) {
    const row = await db
      .selectFrom('episodesOfCare as e')
      .innerJoin('patients as p', (join) =>
        join.onRef('p.organizationId', '=', 'e.organizationId').onRef('p.id', '=', 'e.patientId'),
      )
      .select(['p.id', 'e.id as episodeId'])
      .where('p.organizationId', '=', organizationId)
      .where('p.legalGivenName', '=', given)
      .executeTakeFirstOrThrow();
    patient[who] = row;
  }
});
afterAll(async () => {
  await server?.close();
});

describe('a record named by its own id', () => {
  it('is read under the relationship to the patient it belongs to, and audited against that patient', async () => {
    const clinician = await server.signIn(demoAccountFor('clinician').email);
    const audit = auditRepository(server.database.db);
    const before = (await audit.chainHead(organizationId))?.lastSequence ?? 0;
    const own = await clinician.json<{ id: string; patientId: string }>(
      'GET',
      `/api/episodes/${patient.pat.episodeId}`,
    );
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body).toMatchObject({ id: patient.pat.episodeId, patientId: patient.pat.id });
    const events = await audit.eventsAfter(organizationId, before, 1000);
    expect(events).toContainEqual(
      expect.objectContaining({
        action: 'read',
        patientId: patient.pat.id,
        resourceId: patient.pat.episodeId,
        outcome: 'allowed',
      }),
    );
  });

  it('refuses a record of a patient the caller does not care for, and hides one that does not exist here', async () => {
    const clinician = await server.signIn(demoAccountFor('clinician').email);
    const frontDesk = await server.signIn(demoAccountFor('front_desk').email);
    expect((await clinician.json('GET', `/api/episodes/${patient.riley.episodeId}`)).status).toBe(403);
    expect((await frontDesk.json('GET', `/api/episodes/${patient.pat.episodeId}`)).status).toBe(403);
    const audit = auditRepository(server.database.db);
    const before = (await audit.chainHead(organizationId))?.lastSequence ?? 0;
    const missing = await clinician.json<{ detail: string }>('GET', `/api/episodes/${uuidv7()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe('No such record.');
    expect(await audit.eventsAfter(organizationId, before, 1000)).toEqual([
      expect.objectContaining({ outcome: 'denied', resourceType: 'episode_of_care', patientId: null }),
    ]);
  });
});
