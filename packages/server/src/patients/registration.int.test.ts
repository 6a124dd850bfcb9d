import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../audit/repository.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let organizationId: string;
let frontDesk: TestClient;

interface Demographics {
  id: string;
  mrn: string;
  legalGivenName: string;
  preferredName: string | null;
  emergencyContactName: string | null;
  preferredTherapistGender: string | null;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  status: string;
  version: number;
}
interface ProblemBody {
  code: string;
  reason?: string;
  errors?: { path: string; message: string }[];
  matches?: { id: string; mrn: string }[];
  current?: Demographics;
}

const person = {
  legalGivenName: 'Marisol',
  legalFamilyName: 'Ocampo',
  preferredName: 'Mari',
  pronouns: 'she/her',
  dateOfBirth: '1991-03-14',
  sexAssignedAtBirth: 'female',
  genderIdentity: 'woman',
  preferredLanguage: 'es',
  email: 'Mari.Ocampo@example.test',
  phone: '+1 555 0100',
  addressLine1: '12 Main St',
  city: 'Springfield',
  region: 'IL',
  postalCode: '62701',
  country: 'US',
  emergencyContactName: 'Rosa Ocampo',
  emergencyContactPhone: '+1 555 0101',
  emergencyContactRelationship: 'mother',
  preferredTherapistGender: 'woman',
};

async function head(): Promise<number> {
  return (await auditRepository(server.database.db).chainHead(organizationId))?.lastSequence ?? 0;
}

beforeAll(async () => {
  server = await startTestServer();
  organizationId = server.demo?.organizationId ?? '';
  frontDesk = await server.signIn(demoAccountFor('front_desk').email);
});
afterAll(async () => {
  await server?.close();
});

describe('registering a patient', () => {
  it('records every demographic field with a new MRN, in one audited write', async () => {
    const before = await head();
    const { status, body } = await frontDesk.json<Demographics>('POST', '/api/patients', person);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      legalGivenName: 'Marisol',
      preferredName: 'Mari',
      emergencyContactName: 'Rosa Ocampo',
      preferredTherapistGender: 'woman',
      // Registered, not admitted: not a patient in treatment yet.
      status: 'registered',
      version: 1,
    });
    expect(body.mrn).toMatch(/^\d{7}$/);
    const events = await auditRepository(server.database.db).eventsAfter(organizationId, before, 100);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'create',
      resourceType: 'patient',
      resourceId: body.id,
      patientId: body.id,
      actorRole: 'front_desk',
    });
    const read = await frontDesk.json<Demographics & { email: string }>(
      'GET',
      `/api/patients/${body.id}/demographics`,
    );
    expect(read.body.email).toBe('mari.ocampo@example.test');
  });

  it('records whether an interpreter is needed: false unless said, kept through a read and an edit', async () => {
    const unsaid = await frontDesk.json<Demographics>('POST', '/api/patients', {
      ...person,
      legalGivenName: 'Nadia',
      legalFamilyName: 'Haddad',
      dateOfBirth: '1984-07-21',
      preferredLanguage: 'ar',
    });
    expect(unsaid.status).toBe(201);
    expect(unsaid.body).toMatchObject({ preferredLanguage: 'ar', interpreterNeeded: false });

    const said = await frontDesk.json<Demographics>('POST', '/api/patients', {
      ...person,
      legalGivenName: 'Minh',
      legalFamilyName: 'Pham',
      dateOfBirth: '1958-12-03',
      preferredLanguage: 'vi',
      interpreterNeeded: true,
    });
    expect(said.status).toBe(201);
    expect(said.body).toMatchObject({ preferredLanguage: 'vi', interpreterNeeded: true });
    const demographics = await frontDesk.json<Demographics>(
      'GET',
      `/api/patients/${said.body.id}/demographics`,
    );
    expect(demographics.body.interpreterNeeded).toBe(true);
    const record = await frontDesk.json<Demographics>('GET', `/api/patients/${said.body.id}`);
    expect(record.body).toMatchObject({ preferredLanguage: 'vi', interpreterNeeded: true });

    const edited = await frontDesk.json<Demographics>('PATCH', `/api/patients/${said.body.id}`, {
      interpreterNeeded: false,
      version: said.body.version,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ interpreterNeeded: false, version: said.body.version + 1 });
    const reread = await frontDesk.json<Demographics>('GET', `/api/patients/${said.body.id}`);
    expect(reread.body.interpreterNeeded).toBe(false);

    const invalid = await frontDesk.json<ProblemBody>('POST', '/api/patients', {
      ...person,
      legalGivenName: 'Otto',
      legalFamilyName: 'Brandt',
      dateOfBirth: '1970-01-15',
      interpreterNeeded: 'yes',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.map((error) => error.path)).toEqual(['body.interpreterNeeded']);
  });

  it('answers bad input with 400 and a message on each field, storing nothing', async () => {
    const before = await server.database.db
      .selectFrom('patients')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    const { status, body } = await frontDesk.json<ProblemBody>('POST', '/api/patients', {
      ...person,
      legalFamilyName: ' ',
      dateOfBirth: '14/03/1991',
      preferredLanguage: 'Spanish',
      email: 'not-an-address',
    });
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.path).sort()).toEqual([
      'body.dateOfBirth',
      'body.email',
      'body.legalFamilyName',
      'body.preferredLanguage',
    ]);
    const future = await frontDesk.json<ProblemBody>('POST', '/api/patients', {
      ...person,
      legalGivenName: 'Future',
      dateOfBirth: '2999-01-01',
    });
    expect(future.status).toBe(400);
    expect(future.body.errors?.map((error) => error.path)).toEqual(['body.dateOfBirth']);
    const after = await server.database.db
      .selectFrom('patients')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(after.count)).toBe(Number(before.count));
  });

  it('finds possible duplicates by date of birth and names, accents, case and preferred name ignored', async () => {
    const check = (body: object) =>
      frontDesk.json<{ matches: { legalGivenName: string; mrn: string }[] }>(
        'POST',
        '/api/patients/duplicate-check',
        body,
      );
    const accentless = await check({
      legalGivenName: 'jose',
      legalFamilyName: 'NGUYEN',
      dateOfBirth: '1975-09-30',
    });
    expect(accentless.status).toBe(200);
    expect(accentless.body.matches.map((match) => match.legalGivenName)).toEqual(['José']);
    const preferred = await check({
      legalGivenName: 'Joe',
      legalFamilyName: 'Nguyen',
      dateOfBirth: '1975-09-30',
    });
    expect(preferred.body.matches).toHaveLength(1);
    const typo = await check({ legalGivenName: 'José', legalFamilyName: 'Nguyn', dateOfBirth: '1975-09-30' });
    expect(typo.body.matches).toHaveLength(1);
    const otherBirthday = await check({
      legalGivenName: 'José',
      legalFamilyName: 'Nguyễn',
      dateOfBirth: '1975-09-29',
    });
    expect(otherBirthday.body.matches).toEqual([]);
    const otherPerson = await check({
      legalGivenName: 'Anh',
      legalFamilyName: 'Tran',
      dateOfBirth: '1975-09-30',
    });
    expect(otherPerson.body.matches).toEqual([]);
  });

  it('refuses a likely duplicate with 409 possible_duplicate, and registers it once confirmed as someone else', async () => {
    const twin = { ...person, preferredName: null, email: null, legalGivenName: 'MARISOL ' };
    const refused = await frontDesk.json<ProblemBody>('POST', '/api/patients', twin);
    expect(refused.status).toBe(409);
    expect(refused.body.reason).toBe('possible_duplicate');
    expect(refused.body.matches).toHaveLength(1);
    expect(JSON.stringify(refused.body)).not.toContain('Ocampo');
    const confirmed = await frontDesk.json<Demographics>('POST', '/api/patients', {
      ...twin,
      confirmedNotDuplicate: true,
    });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.mrn).not.toBe(refused.body.matches?.[0]?.mrn);
  });

  it('registers one record when two desks register the same new person at once', async () => {
    const clinician = await server.signIn(demoAccountFor('clinician').email);
    const newcomer = {
      ...person,
      legalGivenName: 'Theodora',
      legalFamilyName: 'Kasprzak',
      dateOfBirth: '1979-11-02',
    };
    const answers = await Promise.all([
      frontDesk.json<ProblemBody>('POST', '/api/patients', newcomer),
      clinician.json<ProblemBody>('POST', '/api/patients', newcomer),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const rows = await server.database.db
      .selectFrom('patients')
      .select('id')
      .where('organizationId', '=', organizationId)
      .where('legalFamilyName', '=', 'Kasprzak')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('lets only staff register', async () => {
    for (const role of ['patient', 'family_member'] as const) {
      const client = await server.signIn(demoAccountFor(role).email);
      const { status } = await client.json('POST', '/api/patients', { ...person, legalGivenName: 'Nope' });
      expect(status).toBe(403);
      const check = await client.json('POST', '/api/patients/duplicate-check', {
        legalGivenName: 'José',
        legalFamilyName: 'Nguyễn',
        dateOfBirth: '1975-09-30',
      });
      expect(check.status).toBe(403);
    }
  });
});

describe('correcting demographics', () => {
  it('applies a change at the current version and refuses a stale one with 409 and the record as it is', async () => {
    const created = await frontDesk.json<Demographics>('POST', '/api/patients', {
      ...person,
      legalGivenName: 'Ingrid',
      legalFamilyName: 'Solberg',
      dateOfBirth: '1966-06-06',
    });
    const id = created.body.id;
    const changed = await frontDesk.json<Demographics>('PATCH', `/api/patients/${id}`, {
      preferredName: 'Inga',
      version: 1,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ preferredName: 'Inga', version: 2 });
    const stale = await frontDesk.json<ProblemBody>('PATCH', `/api/patients/${id}`, {
      preferredName: 'Ingy',
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.current).toMatchObject({ preferredName: 'Inga', version: 2 });
    const invalid = await frontDesk.json<ProblemBody>('PATCH', `/api/patients/${id}`, {
      preferredTherapistGender: 'any',
      version: 2,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.[0]?.path).toBe('body.preferredTherapistGender');
  });
});
