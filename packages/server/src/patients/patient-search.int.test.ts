import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../audit/repository.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';
import { formatMrn } from './mrn.ts';
import { patientRepository } from './repository.ts';

interface Summary {
  id: string;
  mrn: string;
  legalGivenName: string;
  legalFamilyName: string;
  dateOfBirth: string;
  status: string;
  onMyCareTeam: boolean;
  currentEpisode: {
    admittedOn: string;
    setting: string;
    asamEdition: string | null;
    asamLevel: string | null;
  } | null;
  primaryTherapist: { staffMemberId: string; displayName: string } | null;
}
interface Page {
  items: Summary[];
  total: number;
  totalIsExact: boolean;
  nextOffset: number | null;
}

let server: TestServer;
let organizationId: string;
let clinician: TestClient;
let morganLee: string;
const ids: Record<string, string> = {};

// People of this test only, with names no demo patient has.
const people = [
  { key: 'maren', given: 'Marén', family: 'Østergaard', born: '1984-03-07', status: 'active' },
  { key: 'marek', given: 'Marek', family: 'Quillfeather', born: '1990-11-02', status: 'active' },
  { key: 'amaro', given: 'Amaro', family: 'Quillfeather', born: '1971-01-15', status: 'discharged' },
  { key: 'zeno', given: 'Zeno', family: 'Ballantyne', born: '1984-03-07', status: 'deceased' },
] as const;

async function search(client: TestClient, body: Record<string, unknown>): Promise<Page> {
  const { status, body: page } = await client.json<Page>('POST', '/api/patients/search', body);
  expect(status, JSON.stringify(page)).toBe(200);
  return page;
}
const names = (page: Page) => page.items.map((item) => `${item.legalGivenName} ${item.legalFamilyName}`);

beforeAll(async () => {
  server = await startTestServer();
  organizationId = server.demo?.organizationId ?? '';
  const db = server.database.db;
  const first = await patientRepository(db).allocateMrnValues(organizationId, people.length);
  for (const [index, person] of people.entries()) {
    const row = await db
      .insertInto('patients')
      .values({
        organizationId,
        mrn: formatMrn(first + index),
        legalGivenName: person.given,
        legalFamilyName: person.family,
        dateOfBirth: person.born,
        status: person.status,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[person.key] = row.id;
  }
  morganLee = (
    await db
      .selectFrom('staffMembers')
      .select('id')
      .where('organizationId', '=', organizationId)
      .where('email', '=', 'morgan.lee@demo.tandem.test')
      .executeTakeFirstOrThrow()
  ).id;
  // Marén: in residential care at ASAM 3.5 with Morgan Lee; Marek: outpatient, 4th edition 1.5; Amaro: discharged.
  const episode = (patientId: string, values: Record<string, unknown>) =>
    db
      .insertInto('episodesOfCare')
      .values({
        organizationId,
        patientId,
        admittedOn: '2026-01-05',
        referralSource: 'self',
        setting: 'outpatient',
        ...values,
      })
      .execute();
  await episode(ids.maren as string, {
    setting: 'inpatient_residential',
    asamEdition: '3',
    asamLevel: '3.5',
  });
  await episode(ids.marek as string, { setting: 'outpatient', asamEdition: '4', asamLevel: '1.5' });
  await episode(ids.amaro as string, {
    status: 'discharged',
    dischargedOn: '2026-02-01',
    dischargeType: 'planned_completion',
  });
  await db
    .insertInto('careTeamMembers')
    .values({
      organizationId,
      patientId: ids.maren as string,
      staffMemberId: morganLee,
      role: 'primary_therapist',
    })
    .execute();
  clinician = await server.signIn(demoAccountFor('clinician').email);
});
afterAll(async () => {
  await server?.close();
});

describe('searching patients by name', () => {
  it('ignores accents and case both ways, and finds word beginnings', async () => {
    expect(names(await search(clinician, { q: 'maren ostergaard' }))).toEqual(['Marén Østergaard']);
    // Marek only resembles Marén: he comes after her, as a typo.
    expect(names(await search(clinician, { q: 'MARÉN' }))).toEqual([
      'Marén Østergaard',
      'Marek Quillfeather',
    ]);
    expect(names(await search(clinician, { q: 'quill' }))).toEqual([
      'Amaro Quillfeather',
      'Marek Quillfeather',
    ]);
    // "mar" begins Marén and Marek, not the middle of Amaro.
    const mar = names(await search(clinician, { q: 'mar quill' }));
    expect(mar).toEqual(['Marek Quillfeather']);
  });

  it('tolerates typos, after the exact matches, best first', async () => {
    // The example: "jose nguen" finds the demo's José Nguyễn.
    const jose = await search(clinician, { q: 'jose nguen' });
    expect(names(jose)).toContain('José Nguyễn');
    expect(names(await search(clinician, { q: 'quilfeather marek' }))).toEqual(['Marek Quillfeather']);
    // Exact beginnings first: "marek" is Marek, and Marén only as a typo after him.
    const marek = names(await search(clinician, { q: 'marek' }));
    expect(marek[0]).toBe('Marek Quillfeather');
    expect(marek.indexOf('Marén Østergaard')).toBeGreaterThan(0);
  });

  it('puts the caller’s caseload first and marks it', async () => {
    const page = await search(clinician, {});
    const firstOther = page.items.findIndex((item) => !item.onMyCareTeam);
    expect(firstOther).toBeGreaterThan(0);
    expect(page.items.slice(firstOther).every((item) => !item.onMyCareTeam)).toBe(true);
    expect(page.items.slice(0, firstOther).map((item) => item.legalGivenName)).toContain('José');
  });
});

describe('searching by record number and date of birth', () => {
  it('finds an MRN whole, by its beginning, or as the number staff read out', async () => {
    const maren = (await search(clinician, { q: 'Østergaard' })).items[0] as Summary;
    expect((await search(clinician, { q: maren.mrn })).items.map((item) => item.id)).toEqual([ids.maren]);
    const number = String(Number(maren.mrn));
    expect((await search(clinician, { q: number })).items.map((item) => item.id)).toContain(ids.maren);
    const prefix = await search(clinician, { q: maren.mrn.slice(0, 6) });
    expect(prefix.items.map((item) => item.id)).toContain(ids.maren);
    expect(prefix.items.every((item) => item.mrn.startsWith(maren.mrn.slice(0, 6)))).toBe(true);
  });

  it('reads a date of birth in ISO or US form, alone or with a name', async () => {
    for (const q of ['1984-03-07', '03/07/1984', '3/7/1984']) {
      const born = await search(clinician, { q });
      expect(born.items.map((item) => item.id).sort(), q).toEqual([ids.maren, ids.zeno].sort());
    }
    expect(names(await search(clinician, { q: 'zeno 03/07/1984' }))).toEqual(['Zeno Ballantyne']);
  });
});

describe('filters', () => {
  it('filters by setting, ASAM level, primary therapist and status, and shows them', async () => {
    // Levels of care are the care team's to see: a clinician's filter by them looks only at their own patients.
    expect((await search(clinician, { setting: 'inpatient_residential' })).items).toEqual([]);
    for (const key of ['maren', 'marek', 'amaro']) {
      const grant = await clinician.request('POST', `/api/patients/${ids[key]}/break-glass`, {
        reason: 'Search test: the patient is in crisis at the front door',
      });
      expect(grant.status).toBe(201);
    }
    const residential = await search(clinician, { setting: 'inpatient_residential' });
    expect(residential.items.map((item) => item.id)).toEqual([ids.maren]);
    expect(residential.items[0]).toMatchObject({
      currentEpisode: {
        setting: 'inpatient_residential',
        asamEdition: '3',
        asamLevel: '3.5',
        admittedOn: '2026-01-05',
      },
      primaryTherapist: { staffMemberId: morganLee, displayName: 'Morgan Lee, LMFT' },
    });
    const level = await search(clinician, { asamEdition: '4', asamLevel: '1.5' });
    expect(level.items.map((item) => item.id)).toEqual([ids.marek]);
    const morgans = await search(clinician, { therapistStaffMemberId: morganLee });
    expect(morgans.items.map((item) => item.id)).toContain(ids.maren);
    expect(morgans.items.every((item) => item.primaryTherapist?.staffMemberId === morganLee)).toBe(true);
    const discharged = await search(clinician, { q: 'quillfeather', status: 'discharged' });
    expect(discharged.items.map((item) => item.id)).toEqual([ids.amaro]);
    expect(discharged.items[0]?.currentEpisode).toBeNull();
    // The same filters on the GET list, which takes no search text.
    const { status, body } = await clinician.json<Page>('GET', '/api/patients?status=deceased');
    expect(status).toBe(200);
    expect(body.items.map((item) => item.id)).toEqual([ids.zeno]);
  });

  it('narrows to the caller’s own caseload: the patients whose current care team they are on', async () => {
    const all = await search(clinician, { limit: 200 });
    const mine = await search(clinician, { careTeam: 'mine', limit: 200 });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.map((item) => item.id).sort()).toEqual(
      all.items
        .filter((item) => item.onMyCareTeam)
        .map((item) => item.id)
        .sort(),
    );
    expect(mine.total).toBe(mine.items.length);
    // With a search and the GET list alike; Morgan Lee's patient is not the demo clinician's.
    expect((await search(clinician, { q: 'maren', careTeam: 'mine' })).items).toEqual([]);
    const listed = await clinician.json<Page>('GET', '/api/patients?careTeam=mine&status=active');
    expect(listed.status).toBe(200);
    expect(listed.body.items.every((item) => item.onMyCareTeam && item.status === 'active')).toBe(true);
    // The front desk is on nobody's care team.
    const frontDesk = await server.signIn(demoAccountFor('front_desk').email);
    expect((await search(frontDesk, { careTeam: 'mine' })).items).toEqual([]);
    expect((await search(frontDesk, {})).items.length).toBeGreaterThan(0);
  });

  it('refuses a level without its edition, a level of another edition, and a page past the list depth', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ asamLevel: '3.5' }, 'body.asamEdition'],
      [{ asamEdition: '4', asamLevel: '3.3' }, 'body.asamLevel'],
      [{ offset: 5000 }, 'body.offset'],
      [{ setting: 'spa' }, 'body.setting'],
      [{ careTeam: 'everyone' }, 'body.careTeam'],
    ];
    for (const [body, path] of cases) {
      const response = await clinician.json<{ errors: { path: string }[] }>(
        'POST',
        '/api/patients/search',
        body,
      );
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors.map((error) => error.path)).toContain(path);
    }
  });
});

describe('pages and totals', () => {
  it('pages without overlap and counts the matches', async () => {
    const first = await search(clinician, { q: 'quillfeather', limit: 1 });
    expect(first.total).toBe(2);
    expect(first.totalIsExact).toBe(true);
    expect(first.nextOffset).toBe(1);
    const second = await search(clinician, { q: 'quillfeather', limit: 1, offset: 1 });
    expect(second.nextOffset).toBeNull();
    expect(second.total).toBe(2);
    expect([...first.items, ...second.items].map((item) => item.id).sort()).toEqual(
      [ids.amaro, ids.marek].sort(),
    );
    const all = await search(clinician, { limit: 200 });
    expect(all.total).toBe(all.items.length);
    expect(all.totalIsExact).toBe(true);
  });
});

describe('who sees whom', () => {
  it('keeps a search inside the caller’s list scope', async () => {
    const patient = await server.signIn(demoAccountFor('patient').email);
    expect((await search(patient, { q: 'quillfeather' })).items).toEqual([]);
    expect(names(await search(patient, {}))).toEqual(['Pat Example']);
    // A support contact reads no names or birth dates, so may not search by them.
    const family = await server.signIn(demoAccountFor('family_member').email);
    expect((await family.json('POST', '/api/patients/search', { q: 'maren' })).status).toBe(403);
    const frontDesk = await server.signIn(demoAccountFor('front_desk').email);
    expect(names(await search(frontDesk, { q: 'maren ostergaard' }))).toEqual(['Marén Østergaard']);
  });

  it('audits a search as a read of each patient it found, without the search text', async () => {
    const audit = auditRepository(server.database.db);
    const before = (await audit.chainHead(organizationId))?.lastSequence ?? 0;
    await search(clinician, { q: 'Østergaard 03/07/1984' });
    const events = await audit.eventsAfter(organizationId, before, 100);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.action === 'read' && event.patientId === ids.maren)).toBe(true);
    expect(events.map((event) => event.resourceType)).toContain('patient_demographics');
    // Ids and hashes are hex and the time has microseconds: any of them may contain "1984" by chance, so only
    // the values that can hold text are checked.
    for (const { occurredAt: _time, ...rest } of events) {
      const textValues = Object.values(rest).filter(
        (value) => !(typeof value === 'string' && /^[0-9a-f-]+$/.test(value)),
      );
      expect(JSON.stringify(textValues)).not.toMatch(/stergaard|1984/);
    }
    // A search that finds nobody is still one read, without a patient.
    const emptyBefore = (await audit.chainHead(organizationId))?.lastSequence ?? 0;
    await search(clinician, { q: 'Nobodyhere Atall' });
    const empty = await audit.eventsAfter(organizationId, emptyBefore, 100);
    expect(empty.map((event) => [event.resourceType, event.patientId])).toEqual([
      ['patient_demographics', null],
    ]);
  });
});
