import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../audit/repository.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import type { SupportContact } from '../support-contacts/schemas.ts';
import { demoSharing, userIdByEmail } from '../testing/consent-fixtures.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';
import type { Consent } from './schemas.ts';

let server: TestServer;
let organizationId: string;
let pat: string;
let riley: string;
let seededContact: string;
let clinician: TestClient;
let patient: TestClient;
let clinicianUserId: string;
let patientUserId: string;

const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date()).slice(0, 10);
const inDays = (days: number) => {
  const date = new Date(`${today()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

function newConsent(overrides: Record<string, unknown> = {}) {
  return {
    recipient: { kind: 'support_contact', supportContactId: seededContact },
    categories: ['treatment_plan', 'attendance'],
    purpose: 'Family sessions and support at home',
    startsOn: today(),
    expiresOn: inDays(90),
    expiryEvent: null,
    signature: { typedName: 'Pat Example' },
    ...overrides,
  };
}

async function consentCount(): Promise<number> {
  const row = await server.database.db
    .selectFrom('consents')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organizationId', '=', organizationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function listConsents(client: TestClient, patientId = pat): Promise<Consent[]> {
  const { status, body } = await client.json<{ items: Consent[] }>(
    'GET',
    `/api/patients/${patientId}/consents`,
  );
  expect(status).toBe(200);
  return body.items;
}

beforeAll(async () => {
  server = await startTestServer();
  organizationId = server.demo?.organizationId ?? '';
  const { db } = server.database;
  const sharing = await demoSharing(db, organizationId);
  pat = sharing.patientId;
  seededContact = sharing.supportContactId;
  riley = (
    await db
      .selectFrom('patients')
      .select('id')
      .where('organizationId', '=', organizationId)
      .where('legalGivenName', '=', 'Riley')
      .executeTakeFirstOrThrow()
  ).id;
  clinician = await server.signIn(demoAccountFor('clinician').email);
  patient = await server.signIn(demoAccountFor('patient').email);
  clinicianUserId = await userIdByEmail(db, demoAccountFor('clinician').email);
  patientUserId = await userIdByEmail(db, demoAccountFor('patient').email);
});
afterAll(async () => {
  await server?.close();
});

describe('support contacts', () => {
  it('are listed to the care team and the patient, added by the primary therapist, never shown to front desk', async () => {
    const listed = await clinician.json<{ items: SupportContact[] }>(
      'GET',
      `/api/patients/${pat}/support-contacts`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ name: 'Jordan Example', hasPortalAccount: true, active: true }),
    ]);
    const created = await clinician.json<SupportContact>('POST', `/api/patients/${pat}/support-contacts`, {
      name: 'Sam Example',
      relationship: 'Brother',
      email: ' Sam.Example@Example.COM ',
      phone: '',
      mayJoinFamilySessions: true,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Sam Example',
      email: 'sam.example@example.com',
      phone: null,
      mayJoinFamilySessions: true,
      hasPortalAccount: false,
      version: 1,
    });
    const own = await patient.json<{ items: SupportContact[] }>(
      'GET',
      `/api/patients/${pat}/support-contacts`,
    );
    expect(own.body.items.map((contact) => contact.name).sort()).toEqual(['Jordan Example', 'Sam Example']);
    const frontDesk = await server.signIn(demoAccountFor('front_desk').email);
    expect((await frontDesk.request('GET', `/api/patients/${pat}/support-contacts`)).status).toBe(403);
    expect(
      (
        await patient.request('POST', `/api/patients/${pat}/support-contacts`, {
          name: 'X',
          relationship: 'Y',
        })
      ).status,
    ).toBe(403);
  });

  it('refuses invalid fields one by one, and a stale edit with 409 and the current record', async () => {
    const invalid = await clinician.json<{ errors: { path: string }[] }>(
      'POST',
      `/api/patients/${pat}/support-contacts`,
      { name: ' ', relationship: '', email: 'not-an-email', phone: 'call me' },
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((error) => error.path).sort()).toEqual([
      'body.email',
      'body.name',
      'body.phone',
      'body.relationship',
    ]);
    const [contact] = (
      await clinician.json<{ items: SupportContact[] }>('GET', `/api/patients/${pat}/support-contacts`)
    ).body.items.filter((item) => item.name === 'Sam Example');
    if (contact === undefined) throw new Error('support contact missing');
    const path = `/api/patients/${pat}/support-contacts/${contact.id}`;
    const first = await clinician.json<SupportContact>('PATCH', path, {
      version: contact.version,
      relationship: 'Sibling',
    });
    expect(first.body).toMatchObject({ relationship: 'Sibling', version: contact.version + 1 });
    const stale = await clinician.json<{ code: string; current: SupportContact }>('PATCH', path, {
      version: contact.version,
      active: false,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', current: first.body });
    // A contact of another patient is not found through this patient.
    expect(
      (
        await clinician.request('PATCH', `/api/patients/${riley}/support-contacts/${contact.id}`, {
          version: 2,
        })
      ).status,
    ).toBe(403);
  });
});

describe('recording a consent', () => {
  it('records what the patient signed, witnessed by the caller, and audits it in the same transaction', async () => {
    const head = (await auditRepository(server.database.db).chainHead(organizationId))?.lastSequence ?? 0;
    const { status, body } = await clinician.json<Consent>(
      'POST',
      `/api/patients/${pat}/consents`,
      newConsent(),
    );
    expect(status).toBe(201);
    expect(body).toMatchObject({
      patientId: pat,
      recipient: { kind: 'support_contact', supportContactId: seededContact, name: 'Jordan Example' },
      // Canonical order, whatever order was sent.
      categories: ['attendance', 'treatment_plan'],
      status: 'active',
      witnessedBy: { userId: clinicianUserId, name: demoAccountFor('clinician').name },
      signature: { typedName: 'Pat Example' },
      revocation: null,
      version: 1,
    });
    const events = await auditRepository(server.database.db).eventsAfter(organizationId, head, 100);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'create',
        resourceType: 'consent',
        resourceId: body.id,
        patientId: pat,
        outcome: 'allowed',
      }),
      expect.objectContaining({
        action: 'sign',
        resourceType: 'consent',
        resourceId: body.id,
        patientId: pat,
      }),
    ]);
  });

  it('names a person or an organization instead of a support contact, ending on an event', async () => {
    const { status, body } = await clinician.json<Consent>(
      'POST',
      `/api/patients/${pat}/consents`,
      newConsent({
        recipient: { kind: 'organization', name: 'Multnomah County Drug Court' },
        categories: ['attendance', 'drug_test_results'],
        expiresOn: null,
        expiryEvent: 'The end of the drug court case',
      }),
    );
    expect(status).toBe(201);
    expect(body).toMatchObject({
      recipient: { kind: 'organization', supportContactId: null, name: 'Multnomah County Drug Court' },
      expiresOn: null,
      expiryEvent: 'The end of the drug court case',
      status: 'active',
    });
  });

  it('refuses a consent missing its required elements, each on its own field, and stores nothing', async () => {
    const before = await consentCount();
    const { status, body } = await clinician.json<{ errors: { path: string; message: string }[] }>(
      'POST',
      `/api/patients/${pat}/consents`,
      newConsent({
        categories: [],
        purpose: '  ',
        expiresOn: null,
        expiryEvent: null,
        signature: { typedName: '' },
      }),
    );
    expect(status).toBe(400);
    expect(body.errors.map((error) => error.path).sort()).toEqual([
      'body.categories',
      'body.expiresOn',
      'body.purpose',
      'body.signature.typedName',
    ]);
    expect(body.errors.find((error) => error.path === 'body.expiresOn')?.message).toMatch(/42 CFR 2\.31/);
    const badShape = await clinician.json<{ errors: { path: string }[] }>(
      'POST',
      `/api/patients/${pat}/consents`,
      newConsent({ categories: ['psychotherapy_notes'], startsOn: '31/12/2026' }),
    );
    expect(badShape.status).toBe(400);
    expect(badShape.body.errors.map((error) => error.path).sort()).toEqual([
      'body.categories.0',
      'body.startsOn',
    ]);
    expect(await consentCount()).toBe(before);
  });

  it('refuses a support contact of another patient as recipient', async () => {
    const rileyContact = await clinician.json<{ errors: { path: string }[] }>(
      'POST',
      `/api/patients/${riley}/consents`,
      newConsent(),
    );
    // The demo clinician is not on Riley's care team at all.
    expect(rileyContact.status).toBe(403);
    const other = await server.database.db
      .insertInto('supportContacts')
      .values({ organizationId, patientId: riley, name: 'Riley’s friend', relationship: 'Friend' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { status, body } = await clinician.json<{ errors: { path: string }[] }>(
      'POST',
      `/api/patients/${pat}/consents`,
      newConsent({ recipient: { kind: 'support_contact', supportContactId: other.id } }),
    );
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { path: 'body.recipient.supportContactId', message: 'Not an active support contact of this patient' },
    ]);
  });

  it('is for the care-team staff who keep consents: not the prescriber, not the patient alone, not front desk', async () => {
    for (const role of ['prescriber', 'patient', 'front_desk', 'family_member', 'admin'] as const) {
      const client = role === 'patient' ? patient : await server.signIn(demoAccountFor(role).email);
      const response = await client.request('POST', `/api/patients/${pat}/consents`, newConsent());
      expect(response.status, role).toBe(403);
    }
  });
});

describe('listing consents', () => {
  it('lists every version newest first with its status, to the care team and the patient but not to family', async () => {
    const items = await listConsents(clinician);
    const signedAt = items.map((item) => item.signature.signedAt);
    expect(signedAt).toEqual([...signedAt].sort().reverse());
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(await listConsents(patient)).toEqual(items);
    const family = await server.signIn(demoAccountFor('family_member').email);
    expect((await family.request('GET', `/api/patients/${pat}/consents`)).status).toBe(403);
  });
});

describe('revoking a consent', () => {
  it('lets the patient revoke their own consent at once, and refuses a second revocation and a stale one', async () => {
    const created = await clinician.json<Consent>('POST', `/api/patients/${pat}/consents`, newConsent());
    const path = `/api/patients/${pat}/consents/${created.body.id}/revoke`;
    const stale = await patient.json<{ code: string; current: Consent }>('POST', path, { version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'version_conflict',
      current: { id: created.body.id, status: 'active' },
    });

    const revoked = await patient.json<Consent>('POST', path, { version: 1, reason: 'I want to share less' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      status: 'revoked',
      version: 2,
      revocation: { revokedBy: { userId: patientUserId }, reason: 'I want to share less' },
    });
    const again = await clinician.json<{ code: string }>('POST', path, { version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict');
  });

  it('refuses the patient’s revocation of another patient’s consent and any other change to their record', async () => {
    const [consent] = await listConsents(clinician);
    const rileyPath = `/api/patients/${riley}/consents/${consent?.id}/revoke`;
    expect((await patient.request('POST', rileyPath, { version: 1 })).status).toBe(403);
    expect(
      (await patient.request('POST', `/api/patients/${pat}/consents/${consent?.id}/amend`, {})).status,
    ).toBe(403);
  });
});

describe('amending a consent', () => {
  it('records the new terms as a new consent and revokes the old one in the same transaction', async () => {
    const original = await clinician.json<Consent>('POST', `/api/patients/${pat}/consents`, newConsent());
    const path = `/api/patients/${pat}/consents/${original.body.id}/amend`;
    const amended = await clinician.json<Consent>('POST', path, {
      ...newConsent({ categories: ['attendance'], purpose: 'Attendance only, from now on' }),
      version: 1,
      reason: 'Patient wants to share attendance only',
    });
    expect(amended.status).toBe(201);
    expect(amended.body).toMatchObject({
      supersedesConsentId: original.body.id,
      categories: ['attendance'],
      status: 'active',
    });
    const old = (await listConsents(clinician)).find((item) => item.id === original.body.id);
    expect(old).toMatchObject({
      status: 'superseded',
      supersededByConsentId: amended.body.id,
      revocation: { reason: 'Replaced by an amended consent', revokedBy: { userId: clinicianUserId } },
    });
    // The old version cannot be amended again, and nothing half-written is left by the attempt.
    const before = await consentCount();
    const again = await clinician.json<{ code: string }>('POST', path, {
      ...newConsent(),
      version: 2,
      reason: 'Trying again',
    });
    expect(again.status).toBe(409);
    expect(await consentCount()).toBe(before);
  });

  it('stores nothing when the amendment is invalid', async () => {
    const original = await clinician.json<Consent>('POST', `/api/patients/${pat}/consents`, newConsent());
    const before = await consentCount();
    const invalid = await clinician.json('POST', `/api/patients/${pat}/consents/${original.body.id}/amend`, {
      ...newConsent({ categories: [] }),
      version: 1,
      reason: 'Fewer categories',
    });
    expect(invalid.status).toBe(400);
    expect(await consentCount()).toBe(before);
    const still = (await listConsents(clinician)).find((item) => item.id === original.body.id);
    expect(still).toMatchObject({ status: 'active', version: 1 });
  });
});

describe('consents in the database', () => {
  it('cannot be deleted or rewritten, even by direct SQL; only revoked, once', async () => {
    const { db } = server.database;
    const [consent] = await listConsents(clinician);
    if (consent === undefined) throw new Error('no consent');
    const active = (await listConsents(clinician)).find((item) => item.revocation === null);
    if (active === undefined) throw new Error('no active consent');
    await expect(sql`DELETE FROM consents WHERE id = ${active.id}::uuid`.execute(db)).rejects.toThrow(
      /never deleted/,
    );
    await expect(
      sql`UPDATE consents SET categories = ARRAY['diagnosis'] WHERE id = ${active.id}::uuid`.execute(db),
    ).rejects.toThrow(/not rewritten/);
    await expect(
      sql`UPDATE consents SET expires_on = expires_on + 365 WHERE id = ${active.id}::uuid`.execute(db),
    ).rejects.toThrow(/not rewritten/);
    const revoked = (await listConsents(clinician)).find((item) => item.status === 'revoked');
    if (revoked === undefined) throw new Error('no revoked consent');
    await expect(
      sql`UPDATE consents SET revoked_at = NULL, revoked_by_user_id = NULL WHERE id = ${revoked.id}::uuid`.execute(
        db,
      ),
    ).rejects.toThrow(/does not change again/);
    const after = (await listConsents(clinician)).find((item) => item.id === active.id);
    expect(after).toEqual(active);
  });
});
