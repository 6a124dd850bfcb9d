import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../audit/repository.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { demoSharing, programTodayOf } from '../testing/consent-fixtures.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';
import type { Consent, ConsentHistory } from './schemas.ts';

/**
 * Consents as signed records (ADR 0005): recording signs version 1, an amendment with its reason is version 2 with
 * the difference, the version before is locked, a revocation is a signed addendum and still stops disclosure at
 * once, and two amending the same version get one success and one 409.
 */
let server: TestServer;
let organizationId: string;
let pat: string;
let riley: string;
let contact: string;
let seededConsent: string;
let clinician: TestClient;
let patient: TestClient;
let family: TestClient;
let today: string;

const consentsPath = () => `/api/patients/${pat}/consents`;
const historyOf = (consentId: string, client = clinician, patientId = pat) =>
  client.json<ConsentHistory>('GET', `/api/patients/${patientId}/consents/${consentId}/history`);
const head = async () =>
  (await auditRepository(server.database.db).chainHead(organizationId))?.lastSequence ?? 0;
const eventsAfter = (sequence: number) =>
  auditRepository(server.database.db).eventsAfter(organizationId, sequence, 1000);

function terms(overrides: Record<string, unknown> = {}) {
  return {
    recipient: { kind: 'support_contact', supportContactId: contact },
    categories: ['attendance', 'treatment_plan'],
    purpose: 'Family sessions and support at home',
    startsOn: today,
    expiresOn: null,
    expiryEvent: 'Discharge from the program',
    signature: { typedName: 'Pat Example' },
    ...overrides,
  };
}

async function recordConsent(): Promise<Consent> {
  const { status, body } = await clinician.json<Consent>('POST', consentsPath(), terms());
  expect(status).toBe(201);
  return body;
}

beforeAll(async () => {
  server = await startTestServer();
  organizationId = server.demo?.organizationId ?? '';
  const { db } = server.database;
  const sharing = await demoSharing(db, organizationId);
  pat = sharing.patientId;
  contact = sharing.supportContactId;
  seededConsent = sharing.consentId;
  riley = (
    await db
      .selectFrom('patients')
      .select('id')
      .where('organizationId', '=', organizationId)
      .where('legalGivenName', '=', 'Riley')
      .executeTakeFirstOrThrow()
  ).id;
  today = await programTodayOf(db, organizationId);
  clinician = await server.signIn(demoAccountFor('clinician').email);
  patient = await server.signIn(demoAccountFor('patient').email);
  family = await server.signIn(demoAccountFor('family_member').email);
});

afterAll(async () => {
  await server?.close();
});

describe('recording a consent', () => {
  it('signs version 1 of a consent record, witnessed by the caller', async () => {
    const consent = await recordConsent();
    expect(consent.signedRecord).toEqual({ id: expect.any(String), version: 1 });
    const history = await historyOf(consent.id);
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({
      signedRecordId: consent.signedRecord.id,
      versions: [
        {
          number: 1,
          consentId: consent.id,
          status: 'signed',
          reason: null,
          signedByName: demoAccountFor('clinician').name,
          changes: [],
          terms: {
            recipientName: 'Jordan Example',
            categories: 'Attendance and appointments, Treatment plan',
            expiryEvent: 'Discharge from the program',
          },
          signedTerms: {
            recipientKind: 'support_contact',
            categories: ['attendance', 'treatment_plan'],
            expiryEvent: 'Discharge from the program',
          },
        },
      ],
      addenda: [],
    });
  });

  it('gives the demo seed’s consent the same history as one recorded through the API', async () => {
    const history = await historyOf(seededConsent);
    expect(history.body.versions).toEqual([
      expect.objectContaining({ number: 1, consentId: seededConsent, status: 'signed', changes: [] }),
    ]);
  });
});

describe('amending a consent', () => {
  it('makes version 2 with the reason and the difference; version 1 is superseded and locked', async () => {
    const original = await recordConsent();
    const sequence = await head();
    const amended = await clinician.json<Consent>('POST', `${consentsPath()}/${original.id}/amend`, {
      ...terms({ categories: ['attendance'], purpose: 'Attendance only' }),
      version: original.version,
      reason: 'Patient asked to stop sharing the treatment plan',
    });
    expect(amended.status).toBe(201);
    expect(amended.body).toMatchObject({
      supersedesConsentId: original.id,
      signedRecord: { id: original.signedRecord.id, version: 2 },
      categories: ['attendance'],
      status: 'active',
    });

    const events = await eventsAfter(sequence);
    expect(events.map((event) => [event.action, event.resourceId])).toEqual([
      ['update', original.id],
      ['create', amended.body.id],
      ['sign', amended.body.id],
    ]);
    expect(events[1]?.fieldsChanged).toEqual(['categories', 'purpose', 'signedAt']);

    const history = await historyOf(amended.body.id);
    expect(
      history.body.versions.map((version) => [version.number, version.status, version.consentId]),
    ).toEqual([
      [1, 'superseded', original.id],
      [2, 'signed', amended.body.id],
    ]);
    const [, second] = history.body.versions;
    expect(second?.reason).toBe('Patient asked to stop sharing the treatment plan');
    expect(second?.changes.filter((change) => change.path !== 'signedAt')).toEqual([
      {
        path: 'categories',
        label: 'Information shared',
        before: 'Attendance and appointments, Treatment plan',
        after: 'Attendance and appointments',
      },
      {
        path: 'purpose',
        label: 'Purpose',
        before: 'Family sessions and support at home',
        after: 'Attendance only',
      },
    ]);
    // The history reads the same from either version's consent.
    expect((await historyOf(original.id)).body).toEqual(history.body);

    // Locked: the database refuses to rewrite or delete what version 1 said, in either table.
    const { db } = server.database;
    const recordId = original.signedRecord.id;
    await expect(
      sql`UPDATE signed_record_versions SET content = '{}'::jsonb
          WHERE record_id = ${recordId}::uuid AND number = 1`.execute(db),
    ).rejects.toThrow(/not rewritten/);
    await expect(
      sql`DELETE FROM signed_record_versions WHERE record_id = ${recordId}::uuid AND number = 1`.execute(db),
    ).rejects.toThrow(/never deleted/);
    await expect(
      sql`UPDATE consents SET purpose = 'Everything' WHERE id = ${original.id}::uuid`.execute(db),
    ).rejects.toThrow(/does not change again/);
    await expect(
      sql`UPDATE consents SET signed_record_version = 1 WHERE id = ${amended.body.id}::uuid`.execute(db),
    ).rejects.toThrow(/not rewritten/);
    await expect(sql`DELETE FROM consents WHERE id = ${original.id}::uuid`.execute(db)).rejects.toThrow(
      /never deleted/,
    );
  });

  it('needs a reason, named on its field, and stores nothing without one', async () => {
    const original = await recordConsent();
    for (const reason of [undefined, '  ']) {
      const { status, body } = await clinician.json<{ errors: { path: string; message: string }[] }>(
        'POST',
        `${consentsPath()}/${original.id}/amend`,
        { ...terms(), version: 1, ...(reason === undefined ? {} : { reason }) },
      );
      expect(status).toBe(400);
      expect(body.errors).toEqual([{ path: 'body.reason', message: 'Say why the consent is amended' }]);
    }
    const history = await historyOf(original.id);
    expect(history.body.versions).toHaveLength(1);
  });

  it('lets one of two amending the same version at once succeed; the other gets 409 with the consent', async () => {
    const original = await recordConsent();
    const amend = (purpose: string) =>
      clinician.json<{ code?: string; current?: Consent } & Partial<Consent>>(
        'POST',
        `${consentsPath()}/${original.id}/amend`,
        { ...terms({ purpose }), version: 1, reason: `Changed to ${purpose}` },
      );
    const answers = await Promise.all([amend('First change'), amend('Second change')]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const refused = answers.find((answer) => answer.status === 409);
    expect(refused?.body).toMatchObject({
      code: 'conflict',
      current: { id: original.id, status: 'superseded' },
    });
    const history = await historyOf(original.id);
    expect(history.body.versions.map((version) => version.status)).toEqual(['superseded', 'signed']);
  });

  it('refuses to amend a revoked consent', async () => {
    const original = await recordConsent();
    await patient.json('POST', `${consentsPath()}/${original.id}/revoke`, { version: 1 });
    const again = await clinician.json<{ code: string }>('POST', `${consentsPath()}/${original.id}/amend`, {
      ...terms(),
      version: 2,
      reason: 'Too late',
    });
    expect(again.status).toBe(409);
    expect((await historyOf(original.id)).body.versions).toHaveLength(1);
  });
});

describe('revoking a consent', () => {
  it('adds a signed addendum, audited, and stops the very next disclosure', async () => {
    // Other consents recorded above name the same person; the seeded one is among those the portal shares under.
    const sharedUnder = async () =>
      (
        await family.json<{ consents: { id: string }[] }>('GET', `/api/portal/patients/${pat}/shared`)
      ).body.consents.map((consent) => consent.id);
    expect(await sharedUnder()).toContain(seededConsent);
    const sequence = await head();
    const revoked = await patient.json<Consent>('POST', `${consentsPath()}/${seededConsent}/revoke`, {
      version: 1,
      reason: 'I no longer want to share',
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    const events = (await eventsAfter(sequence)).filter((event) => event.resourceType === 'consent');
    expect(await sharedUnder()).not.toContain(seededConsent);

    const history = await historyOf(seededConsent);
    expect(history.body.addenda).toEqual([
      expect.objectContaining({
        versionNumber: 1,
        text: 'Consent revoked: I no longer want to share',
        signedByName: demoAccountFor('patient').name,
      }),
    ]);
    expect(events.map((event) => [event.action, event.resourceId, event.fieldsChanged])).toEqual([
      ['update', seededConsent, ['revokedAt', 'revokedByUserId', 'revocationReason']],
      ['sign', seededConsent, ['addendum']],
    ]);
  });
});

describe('who reads a consent’s history', () => {
  it('is the care team and the patient; not family, not a clinician outside the care team', async () => {
    const consent = await recordConsent();
    expect((await historyOf(consent.id, patient)).status).toBe(200);
    expect((await historyOf(consent.id, family)).status).toBe(403);
    // The demo clinician is not on Riley's care team: the policy refuses before anything is looked up.
    expect((await historyOf(consent.id, clinician, riley)).status).toBe(403);
    // A consent named through another patient's path is not found.
    const supervisor = await server.signIn(demoAccountFor('supervisor').email);
    const other = await historyOf(consent.id, supervisor, riley);
    expect([403, 404]).toContain(other.status);
    expect((await historyOf('0192f000-0000-7000-8000-000000000000')).status).toBe(404);
  });
});
