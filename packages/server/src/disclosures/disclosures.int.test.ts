import { redisclosureNotice, redisclosureStatement } from '@tandem/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../audit/repository.ts';
import type { Consent } from '../consents/schemas.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import {
  countDisclosures,
  demoSharing,
  insertConsentDirectly,
  insertLinkedSupportContact,
  insertOtherOrganizationPatient,
  insertPortalUser,
  userIdByEmail,
} from '../testing/consent-fixtures.ts';
import { pdfPageTexts } from '../testing/pdf-text.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';

/**
 * Consent at the moment of disclosure: every disclosure outside the care team is checked against the consents in
 * effect right then, accounted, audited, and carries the redisclosure notice.
 */
let server: TestServer;
let organizationId: string;
let pat: string;
let seededConsent: string;
let familyUserId: string;
let clinicianUserId: string;
let family: TestClient;
let clinician: TestClient;
let patient: TestClient;

interface SharedRecord {
  patient: { id: string; name: string };
  sections: { category: string; entries: unknown[]; emptyMessage: string }[];
  consents: { id: string; scope: string }[];
  redisclosureNotice: string;
  redisclosureStatement: string;
}
interface Accounted {
  id: string;
  channel: string;
  consentId: string;
  categories: string[];
  recipientName: string;
  disclosedBy: string | null;
}

const sharedPath = (patientId: string) => `/api/portal/patients/${patientId}/shared`;
const head = async () =>
  (await auditRepository(server.database.db).chainHead(organizationId))?.lastSequence ?? 0;
const eventsAfter = (sequence: number) =>
  auditRepository(server.database.db).eventsAfter(organizationId, sequence, 1000);

beforeAll(async () => {
  server = await startTestServer();
  organizationId = server.demo?.organizationId ?? '';
  const sharing = await demoSharing(server.database.db, organizationId);
  pat = sharing.patientId;
  seededConsent = sharing.consentId;
  familyUserId = sharing.familyUserId;
  clinicianUserId = await userIdByEmail(server.database.db, demoAccountFor('clinician').email);
  family = await server.signIn(demoAccountFor('family_member').email);
  clinician = await server.signIn(demoAccountFor('clinician').email);
  patient = await server.signIn(demoAccountFor('patient').email);
});
afterAll(async () => {
  await server?.close();
});

describe('the family portal', () => {
  it('lists the patients sharing with the family member, and oneself to a patient', async () => {
    const listed = await family.json<{
      items: { patientId: string; name: string; sharedCategories: string[] }[];
    }>('GET', '/api/portal/patients');
    expect(listed.body.items).toEqual([
      {
        patientId: pat,
        name: 'Pat',
        relationship: 'support_contact',
        sharedCategories: ['attendance', 'medications'],
      },
    ]);
    // The list names Pat to Jordan under the consent: accounted, as the name only.
    const [accounted] = await server.database.db
      .selectFrom('disclosures')
      .selectAll()
      .where('patientId', '=', pat)
      .where('channel', '=', 'patient_list')
      .orderBy('disclosedAt', 'desc')
      .limit(1)
      .execute();
    expect(accounted).toMatchObject({
      consentId: seededConsent,
      categories: [],
      recipientUserId: familyUserId,
      disclosedByUserId: null,
    });
    const own = await patient.json<{ items: { patientId: string }[] }>('GET', '/api/portal/patients');
    expect(own.body.items).toEqual([
      { patientId: pat, name: 'Pat', relationship: 'self', sharedCategories: [] },
    ]);
    expect((await clinician.request('GET', '/api/portal/patients')).status).toBe(403);
  });

  it('shows exactly the consented categories, with the notice, and accounts for the view once', async () => {
    const before = await countDisclosures(server.database.db, pat);
    const sequence = await head();
    const response = await family.request('GET', sharedPath(pat));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-tandem-redisclosure-notice')).toBe(redisclosureNotice);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as SharedRecord;
    expect(body.patient).toEqual({ id: pat, name: 'Pat' });
    // The seed's consent: attendance and medications, nothing else.
    expect(body.sections.map((section) => section.category)).toEqual(['attendance', 'medications']);
    expect(body.sections.every((section) => section.entries.length === 0)).toBe(true);
    expect(body.sections[0]?.emptyMessage).toBe('Nothing recorded yet.');
    expect(body.redisclosureNotice).toBe(redisclosureNotice);
    expect(body.redisclosureStatement).toBe(redisclosureStatement);
    expect(body.consents).toEqual([
      expect.objectContaining({
        id: seededConsent,
        recipientName: expect.any(String),
        signedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        scope: expect.stringContaining('The patient may revoke it'),
      }),
    ]);

    expect(await countDisclosures(server.database.db, pat)).toBe(before + 1);
    const [row] = await server.database.db
      .selectFrom('disclosures')
      .selectAll()
      .where('patientId', '=', pat)
      .orderBy('disclosedAt', 'desc')
      .limit(1)
      .execute();
    expect(row).toMatchObject({
      consentId: seededConsent,
      channel: 'family_portal',
      categories: ['attendance', 'medications'],
      recipientName: 'Jordan Example',
      recipientUserId: familyUserId,
      disclosedByUserId: null,
    });
    expect(await eventsAfter(sequence)).toEqual([
      expect.objectContaining({
        action: 'read',
        resourceType: 'shared_record',
        resourceId: row?.id,
        patientId: pat,
        actorUserId: familyUserId,
        outcome: 'allowed',
      }),
    ]);

    // Each view is a disclosure of its own.
    await family.request('GET', sharedPath(pat));
    await family.request('GET', sharedPath(pat));
    expect(await countDisclosures(server.database.db, pat)).toBe(before + 3);
  });

  it('widens at once when the patient consents to more, and accounts under each consent it used', async () => {
    const created = await clinician.json<Consent>('POST', `/api/patients/${pat}/consents`, {
      recipient: {
        kind: 'support_contact',
        supportContactId: (await demoSharing(server.database.db, organizationId)).supportContactId,
      },
      categories: ['drug_test_results', 'medications'],
      purpose: 'Contingency management at home',
      startsOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date()),
      expiresOn: null,
      expiryEvent: 'Discharge',
      signature: { typedName: 'Pat Example' },
    });
    expect(created.status).toBe(201);
    const before = await countDisclosures(server.database.db, pat);
    const { body } = await family.json<SharedRecord>('GET', sharedPath(pat));
    expect(body.sections.map((section) => section.category)).toEqual([
      'attendance',
      'medications',
      'drug_test_results',
    ]);
    const rows = await server.database.db
      .selectFrom('disclosures')
      .select(['consentId', 'categories'])
      .where('patientId', '=', pat)
      .orderBy('disclosedAt', 'desc')
      .limit(2)
      .execute();
    expect(await countDisclosures(server.database.db, pat)).toBe(before + 2);
    expect(rows).toEqual(
      expect.arrayContaining([
        { consentId: seededConsent, categories: ['attendance', 'medications'] },
        { consentId: created.body.id, categories: ['medications', 'drug_test_results'] },
      ]),
    );
    // Narrow it back: the amended consent is revoked again by the patient.
    const revoked = await patient.json('POST', `/api/patients/${pat}/consents/${created.body.id}/revoke`, {
      version: 1,
    });
    expect(revoked.status).toBe(200);
    const after = await family.json<SharedRecord>('GET', sharedPath(pat));
    expect(after.body.sections.map((section) => section.category)).toEqual(['attendance', 'medications']);
  });

  it('refuses a consent that expired or has not started, and discloses nothing', async () => {
    const { db } = server.database;
    const email = 'alex.sibling@example.test';
    const userId = await insertPortalUser(db, organizationId, {
      name: 'Alex Sibling',
      email,
      role: 'family_member',
    });
    const contact = await insertLinkedSupportContact(db, organizationId, pat, {
      name: 'Alex Sibling',
      userId,
    });
    const base = {
      patientId: pat,
      supportContactId: contact,
      recipientName: 'Alex Sibling',
      witnessedByUserId: clinicianUserId,
    };
    await insertConsentDirectly(db, organizationId, {
      ...base,
      categories: ['diagnosis'],
      startsInDays: -30,
      expiresInDays: -1,
    });
    await insertConsentDirectly(db, organizationId, {
      ...base,
      categories: ['treatment_plan'],
      startsInDays: 1,
      expiresInDays: 30,
    });
    const sibling = await server.signIn(email);
    const before = await countDisclosures(db, pat);
    const sequence = await head();
    const refused = await sibling.json<{ code: string }>('GET', sharedPath(pat));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    expect(await countDisclosures(db, pat)).toBe(before);
    expect(await eventsAfter(sequence)).toEqual([
      expect.objectContaining({
        outcome: 'denied',
        patientId: pat,
        actorUserId: userId,
        resourceType: 'shared_record',
      }),
    ]);
    expect((await sibling.json<{ items: unknown[] }>('GET', '/api/portal/patients')).body.items).toEqual([]);

    // A consent in effect today (ending today) opens it.
    await insertConsentDirectly(db, organizationId, {
      ...base,
      categories: ['diagnosis'],
      startsInDays: -1,
      expiresInDays: 0,
    });
    const allowed = await sibling.json<SharedRecord>('GET', sharedPath(pat));
    expect(allowed.status).toBe(200);
    expect(allowed.body.sections.map((section) => section.category)).toEqual(['diagnosis']);
  });

  it('is only for support contacts: the patient and staff are refused, and audited', async () => {
    for (const client of [patient, clinician]) {
      const response = await client.request('GET', sharedPath(pat));
      expect(response.status).toBe(403);
    }
  });

  it('never shows a family member of organization A a patient of organization B, whatever B consented', async () => {
    const { db } = server.database;
    const other = await insertOtherOrganizationPatient(db, 'other-program');
    // The same person is a support contact in B too, with a consent in effect there.
    const contact = await insertLinkedSupportContact(db, other.organizationId, other.patientId, {
      name: 'Jordan Example',
      userId: familyUserId,
    });
    const witness = await insertPortalUser(db, other.organizationId, {
      name: 'B witness',
      email: 'b.witness@example.test',
      role: 'patient',
    });
    await insertConsentDirectly(db, other.organizationId, {
      patientId: other.patientId,
      supportContactId: contact,
      recipientName: 'Jordan Example',
      categories: ['attendance'],
      witnessedByUserId: witness,
      startsInDays: -1,
      expiresInDays: 30,
    });
    const response = await family.json<{ code: string; detail: string }>('GET', sharedPath(other.patientId));
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.body)).not.toContain('Bianca');
    expect(await countDisclosures(db, other.patientId)).toBe(0);
    const listed = await family.json<{ items: { patientId: string }[] }>('GET', '/api/portal/patients');
    expect(listed.body.items.map((item) => item.patientId)).toEqual([pat]);
  });
});

describe('a printout marked for release', () => {
  it("is written in its recipient's language: Lucía's mother reads Spanish, so her release is in Spanish", async () => {
    const { db } = server.database;
    const lucia = await db
      .selectFrom('consents')
      .innerJoin('patients', (join) =>
        join
          .onRef('patients.organizationId', '=', 'consents.organizationId')
          .onRef('patients.id', '=', 'consents.patientId'),
      )
      .select(['consents.id as consentId', 'patients.id as patientId'])
      .where('patients.legalGivenName', '=', 'Lucía')
      .executeTakeFirstOrThrow();
    const response = await clinician.request(
      'GET',
      `/api/patients/${lucia.patientId}/releases/${lucia.consentId}.pdf`,
    );
    expect(response.status).toBe(200);
    const text = (await pdfPageTexts(Buffer.from(await response.arrayBuffer()))).join('\n');
    expect(text).toContain('Divulgación de información');
    expect(text).toContain('Texto oficial (inglés)');
    expect(text).toContain(redisclosureNotice);
    expect(text).toContain('Rosa Morales');
    expect(text).not.toContain('Release of information');
  });

  it('is a PDF for the consent’s recipient with the notice on every page, accounted as a printout', async () => {
    const before = await countDisclosures(server.database.db, pat);
    const response = await clinician.request('GET', `/api/patients/${pat}/releases/${seededConsent}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('x-tandem-redisclosure-notice')).toBe(redisclosureNotice);
    const pdf = Buffer.from(await response.arrayBuffer());
    const pages = await pdfPageTexts(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const page of pages) expect(page).toContain(redisclosureNotice);
    expect(pages.join('\n')).toContain('Jordan Example');
    expect(pages.join('\n')).toContain('Attendance and appointments');
    expect(pages.join('\n')).not.toContain('Drug test results');
    expect(await countDisclosures(server.database.db, pat)).toBe(before + 1);
    const { body } = await clinician.json<{ items: Accounted[] }>(
      'GET',
      `/api/patients/${pat}/disclosures?limit=1`,
    );
    expect(body.items[0]).toMatchObject({
      channel: 'printout',
      consentId: seededConsent,
      categories: ['attendance', 'medications'],
      recipientName: 'Jordan Example',
      disclosedBy: demoAccountFor('clinician').name,
    });
  });

  it('is printed by the care-team places that keep consents only', async () => {
    for (const role of ['prescriber', 'front_desk', 'admin', 'family_member', 'patient'] as const) {
      const client = await server.signIn(demoAccountFor(role).email);
      const response = await client.request('GET', `/api/patients/${pat}/releases/${seededConsent}.pdf`);
      expect(response.status, role).toBe(403);
    }
  });
});

describe('revocation', () => {
  it('refuses the very next view and printout: nothing is disclosed after a consent is revoked', async () => {
    const { db } = server.database;
    const consents = await patient.json<{ items: Consent[] }>('GET', `/api/patients/${pat}/consents`);
    const seeded = consents.body.items.find((item) => item.id === seededConsent);
    expect(seeded?.status).toBe('active');
    expect((await family.request('GET', sharedPath(pat))).status).toBe(200);

    const revoked = await patient.json<Consent>(
      'POST',
      `/api/patients/${pat}/consents/${seededConsent}/revoke`,
      {
        version: seeded?.version,
        reason: 'I no longer want to share',
      },
    );
    expect(revoked.body.status).toBe('revoked');

    const before = await countDisclosures(db, pat);
    const sequence = await head();
    const view = await family.json<{ detail: string }>('GET', sharedPath(pat));
    expect(view.status).toBe(403);
    expect(view.body.detail).toMatch(/no consent in effect/);
    const printout = await clinician.json<{ detail: string }>(
      'GET',
      `/api/patients/${pat}/releases/${seededConsent}.pdf`,
    );
    expect(printout.status).toBe(403);
    expect(printout.body.detail).toMatch(/not in effect \(revoked\)/);
    expect(await countDisclosures(db, pat)).toBe(before);
    const events = await eventsAfter(sequence);
    expect(events.map((event) => [event.resourceType, event.outcome])).toEqual([
      ['shared_record', 'denied'],
      ['disclosure', 'denied'],
    ]);
    expect((await family.json<{ items: unknown[] }>('GET', '/api/portal/patients')).body.items).toEqual([]);
  });

  it('lets a revocation at the same moment as views win cleanly: each view is shown and accounted, or refused', async () => {
    // The disclosure locks the consents it reads until it commits: a concurrent revocation waits for it, and a
    // view that starts after the revocation committed sees it. So every answered view has exactly its accounting
    // row, every refused one none, and the first view after the revocation is refused.
    const { db } = server.database;
    const contact = (await demoSharing(db, organizationId)).supportContactId;
    const created = await clinician.json<Consent>('POST', `/api/patients/${pat}/consents`, {
      recipient: { kind: 'support_contact', supportContactId: contact },
      categories: ['attendance'],
      purpose: 'Race test',
      startsOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date()),
      expiresOn: null,
      expiryEvent: 'Discharge',
      signature: { typedName: 'Pat Example' },
    });
    const view = () => family.request('GET', sharedPath(pat));
    const results = await Promise.all([
      ...Array.from({ length: 4 }, view),
      patient.request('POST', `/api/patients/${pat}/consents/${created.body.id}/revoke`, { version: 1 }),
      ...Array.from({ length: 4 }, view),
    ]);
    const [revocation] = results.splice(4, 1);
    expect(revocation?.status).toBe(200);
    const statuses = results.map((response) => response.status);
    expect(statuses.every((status) => status === 200 || status === 403)).toBe(true);
    const accounted = await db
      .selectFrom('disclosures')
      .select('id')
      .where('consentId', '=', created.body.id)
      .execute();
    expect(accounted).toHaveLength(statuses.filter((status) => status === 200).length);
    expect((await view()).status).toBe(403);
  });
});

describe('the accounting of disclosures', () => {
  it('lists every disclosure of the patient’s record to the patient, newest first, and to care team and admin', async () => {
    const { db } = server.database;
    const all = await db
      .selectFrom('disclosures')
      .select('id')
      .where('patientId', '=', pat)
      .orderBy('disclosedAt', 'desc')
      .orderBy('id', 'desc')
      .execute();
    expect(all.length).toBeGreaterThan(5);
    const own = await patient.json<{ items: Accounted[] }>('GET', `/api/patients/${pat}/disclosures`);
    expect(own.status).toBe(200);
    expect(own.body.items.map((item) => item.id)).toEqual(all.map((row) => row.id));
    expect(new Set(own.body.items.map((item) => item.channel))).toEqual(
      new Set(['family_portal', 'printout', 'patient_list']),
    );
    for (const role of ['clinician', 'admin', 'supervisor'] as const) {
      const client = role === 'clinician' ? clinician : await server.signIn(demoAccountFor(role).email);
      const { status, body } = await client.json<{ items: Accounted[] }>(
        'GET',
        `/api/patients/${pat}/disclosures`,
      );
      expect(status, role).toBe(200);
      expect(body.items).toEqual(own.body.items);
    }
    for (const role of ['front_desk', 'family_member'] as const) {
      const client = await server.signIn(demoAccountFor(role).email);
      expect((await client.request('GET', `/api/patients/${pat}/disclosures`)).status, role).toBe(403);
    }
  });

  it('downloads as CSV with every row and formulas defused', async () => {
    const created = await clinician.json<Consent>('POST', `/api/patients/${pat}/consents`, {
      recipient: { kind: 'organization', name: '=HYPERLINK("http://example.test")' },
      categories: ['attendance'],
      purpose: 'Court reporting',
      startsOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date()),
      expiresOn: null,
      expiryEvent: 'End of the case',
      signature: { typedName: 'Pat Example' },
    });
    expect(
      (await clinician.request('GET', `/api/patients/${pat}/releases/${created.body.id}.pdf`)).status,
    ).toBe(200);
    const response = await patient.request('GET', `/api/patients/${pat}/disclosures.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="disclosures.csv"');
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('Disclosed at,Recipient,Information disclosed,Purpose,How,Disclosed by,Consent');
    expect(lines).toHaveLength(1 + (await countDisclosures(server.database.db, pat)));
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://example.test"")"`);
    expect(lines[1]).toContain('Printed release');
  });

  it('cannot be changed or deleted, even by direct SQL', async () => {
    const { db } = server.database;
    await expect(
      sql`UPDATE disclosures SET recipient_name = 'Nobody' WHERE patient_id = ${pat}::uuid`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM disclosures WHERE patient_id = ${pat}::uuid`.execute(db)).rejects.toThrow(
      /append-only/,
    );
  });
});
