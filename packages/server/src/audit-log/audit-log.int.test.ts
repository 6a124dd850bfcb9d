import type { ChainedAuditEvent } from '@tandem/core/audit/audit-chain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvents, auditRepository, type NewAuditEvent } from '../audit/repository.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';
import type { AccessLogEntry, AuditLogEntry, BreakGlassGrantEntry } from './schemas.ts';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

let server: TestServer;
let organizationId: string;
let admin: TestClient;
let supervisor: TestClient;
let clinician: TestClient;
let riley: string;
let pat: string;
const userIds: Record<string, string> = {};
/** Another organization with a patient, a user and events of its own, none of which A may ever see. */
const other = { organizationId: '', patientId: '', userId: '', grantId: '' };

async function userIdOf(role: 'admin' | 'clinician' | 'prescriber' | 'supervisor'): Promise<string> {
  const row = await server.database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', demoAccountFor(role).email)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function patientNamed(given: string): Promise<string> {
  const row = await server.database.db
    .selectFrom('patients')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('legalGivenName', '=', given)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function append(organization: string, events: NewAuditEvent[]): Promise<ChainedAuditEvent[]> {
  return server.database.db.transaction().execute((trx) => appendAuditEvents(trx, organization, events));
}

async function head(): Promise<number> {
  return (await auditRepository(server.database.db).chainHead(organizationId))?.lastSequence ?? 0;
}

async function eventsSince(sequence: number) {
  return auditRepository(server.database.db).eventsAfter(organizationId, sequence, 10_000);
}

async function seedOtherOrganization(): Promise<void> {
  const { db } = server.database;
  const organization = await db
    .insertInto('organizations')
    .values({ name: 'Other Program', slug: 'other-program' })
    .returning('id')
    .executeTakeFirstOrThrow();
  other.organizationId = organization.id;
  const user = await db
    .insertInto('users')
    .values({ name: 'Olive Other', email: 'olive@other.tandem.test', emailVerified: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  other.userId = user.id;
  await db
    .insertInto('memberships')
    .values({ organizationId: other.organizationId, userId: other.userId, role: 'clinician' })
    .execute();
  const patient = await db
    .insertInto('patients')
    .values({
      organizationId: other.organizationId,
      mrn: '0000001',
      legalGivenName: 'Quinn',
      legalFamilyName: 'Elsewhere',
      dateOfBirth: '1990-02-03',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  other.patientId = patient.id;
  const grant = await db
    .insertInto('breakGlassGrants')
    .values({
      organizationId: other.organizationId,
      patientId: other.patientId,
      userId: other.userId,
      reason: 'Another program’s emergency',
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  other.grantId = grant.id;
  await append(other.organizationId, [
    {
      actorUserId: other.userId,
      actorRole: 'clinician',
      patientId: other.patientId,
      action: 'read',
      resourceType: 'progress_note',
      resourceId: other.patientId,
      fieldsChanged: null,
      ipAddress: '198.51.100.7',
      userAgent: 'other-org',
      outcome: 'break_glass',
      reason: null,
    },
  ]);
}

/** A small RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 1;
    } else field += char;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** Today as a calendar day in the demo organization's time zone. */
function organizationToday(offsetDays = 0): string {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(day);
}

beforeAll(async () => {
  server = await startTestServer();
  organizationId = server.demo?.organizationId ?? '';
  admin = await server.signIn(demoAccountFor('admin').email);
  supervisor = await server.signIn(demoAccountFor('supervisor').email);
  clinician = await server.signIn(demoAccountFor('clinician').email);
  for (const role of ['admin', 'clinician', 'prescriber', 'supervisor'] as const)
    userIds[role] = await userIdOf(role);
  riley = await patientNamed('Riley');
  pat = await patientNamed('Pat');
  await seedOtherOrganization();
});
afterAll(async () => {
  await server?.close();
});

describe('the audit view', () => {
  it('lists the organization’s events newest first, with the person’s name and the patient’s name and MRN', async () => {
    expect((await clinician.json('GET', `/api/patients/${pat}`)).status).toBe(200);
    const { status, body } = await supervisor.json<Page<AuditLogEntry>>(
      'GET',
      `/api/audit-events?userId=${userIds.clinician}&patientId=${pat}`,
    );
    expect(status).toBe(200);
    const read = body.items[0];
    expect(read).toMatchObject({
      actor: { userId: userIds.clinician, name: demoAccountFor('clinician').name, role: 'clinician' },
      patient: { id: pat, name: 'Pat Example', mrn: expect.stringMatching(/^\d{7}$/) },
      action: 'read',
      resourceType: 'patient_demographics',
      outcome: 'allowed',
    });
    for (const item of body.items) {
      expect(item.actor.userId).toBe(userIds.clinician);
      expect(item.patient?.id).toBe(pat);
    }
  });

  it('pages by sequence without gaps or repeats', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const page: { status: number; body: Page<AuditLogEntry> } = await admin.json<Page<AuditLogEntry>>(
        'GET',
        `/api/audit-events?limit=3${query}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items.map((item) => item.sequence));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    const sorted = [...seen].sort((a, b) => b - a);
    expect(seen).toEqual(sorted);
    expect(new Set(seen).size).toBe(seen.length);
    // Everything up to the chain head (events written by this paging itself come after it).
    expect(Math.max(...seen) - Math.min(...seen) + 1).toBe(seen.length);
    expect(Math.min(...seen)).toBe(1);
  });

  it('filters by action, outcome, resource type and calendar days in the organization’s time zone', async () => {
    const denied = await admin.json<Page<AuditLogEntry>>('GET', '/api/audit-events?outcome=denied&limit=200');
    expect(denied.status).toBe(200);
    for (const item of denied.body.items) expect(item.outcome).toBe('denied');
    const reads = await admin.json<Page<AuditLogEntry>>(
      'GET',
      '/api/audit-events?action=read&resourceType=patient_demographics',
    );
    expect(reads.body.items.length).toBeGreaterThan(0);
    for (const item of reads.body.items) {
      expect(item).toMatchObject({ action: 'read', resourceType: 'patient_demographics' });
    }

    const today = organizationToday();
    const within = await admin.json<Page<AuditLogEntry>>(
      'GET',
      `/api/audit-events?from=${today}&to=${today}`,
    );
    expect(within.body.items.length).toBeGreaterThan(0);
    const tomorrow = await admin.json<Page<AuditLogEntry>>(
      'GET',
      `/api/audit-events?from=${organizationToday(1)}`,
    );
    expect(tomorrow.body.items).toEqual([]);
    const yesterday = await admin.json<Page<AuditLogEntry>>(
      'GET',
      `/api/audit-events?to=${organizationToday(-1)}`,
    );
    expect(yesterday.body.items).toEqual([]);
  });

  it('answers bad filters with 400 and a message per field', async () => {
    const backwards = await admin.json<{ errors: { path: string; message: string }[] }>(
      'GET',
      `/api/audit-events?from=${organizationToday()}&to=${organizationToday(-2)}`,
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([
      { path: 'querystring.to', message: 'The end date is before the start date' },
    ]);
    const malformed = await admin.json<{ errors: { path: string }[] }>(
      'GET',
      '/api/audit-events?userId=someone&from=yesterday&outcome=maybe&cursor=-1',
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((error) => error.path).sort()).toEqual([
      'querystring.cursor',
      'querystring.from',
      'querystring.outcome',
      'querystring.userId',
    ]);
  });

  it('never shows another organization’s events, even when asked for its user or patient by id', async () => {
    for (const query of ['', `?userId=${other.userId}`, `?patientId=${other.patientId}`, '?limit=200']) {
      const { body } = await admin.json<Page<AuditLogEntry>>('GET', `/api/audit-events${query}`);
      for (const item of body.items) {
        expect(item.actor.userId).not.toBe(other.userId);
        expect(item.patient?.id).not.toBe(other.patientId);
        expect(item.userAgent).not.toBe('other-org');
      }
      if (query !== '' && query !== '?limit=200') expect(body.items).toEqual([]);
    }
    const members = await admin.json<{ items: { userId: string; name: string }[] }>(
      'GET',
      '/api/audit-events/members',
    );
    expect(members.body.items.map((member) => member.userId)).toContain(userIds.clinician);
    expect(members.body.items.map((member) => member.userId)).not.toContain(other.userId);
    const csv = await (await admin.request('GET', '/api/audit-events.csv')).text();
    expect(csv).not.toContain('other-org');
    expect(csv).not.toContain(other.patientId);
  });

  it('refuses everyone but administrators and supervisors, and audits each refusal', async () => {
    for (const role of ['clinician', 'prescriber', 'front_desk', 'patient', 'family_member'] as const) {
      const client = role === 'clinician' ? clinician : await server.signIn(demoAccountFor(role).email);
      for (const path of ['/api/audit-events', '/api/audit-events.csv', '/api/audit-events/members']) {
        const before = await head();
        const response = await client.request('GET', path);
        expect(response.status).toBe(403);
        const events = await eventsSince(before);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          actorRole: role,
          action: 'read',
          resourceType: 'audit_log',
          outcome: 'denied',
        });
      }
    }
    expect((await server.anonymous.request('GET', '/api/audit-events')).status).toBe(401);
  });

  it('audits reading the audit trail itself', async () => {
    const before = await head();
    expect((await supervisor.request('GET', '/api/audit-events?limit=1')).status).toBe(200);
    const events = await eventsSince(before);
    expect(events).toEqual([
      expect.objectContaining({
        actorUserId: userIds.supervisor,
        action: 'read',
        resourceType: 'audit_log',
        outcome: 'allowed',
      }),
    ]);
  });
});

describe('the CSV export', () => {
  it('is an attachment with a header row and the same filters as the view', async () => {
    const response = await admin.request('GET', `/api/audit-events.csv?patientId=${pat}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-events-[0-9T-]+Z\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // UTF-8 decoding drops the byte order mark, as a spreadsheet program does.
    const text = new TextDecoder().decode(bytes);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      'sequence',
      'occurred_at',
      'user_id',
      'user_name',
      'user_role',
      'patient_id',
      'patient_name',
      'patient_mrn',
      'action',
      'resource_type',
      'resource_id',
      'fields_changed',
      'outcome',
      'reason',
      'ip_address',
      'user_agent',
      'event_id',
    ]);
    const view = await admin.json<Page<AuditLogEntry>>('GET', `/api/audit-events?patientId=${pat}&limit=200`);
    // The export's own read is audited without a patient, so both list the same events.
    expect(rows.map((row) => Number(row[0]))).toEqual(view.body.items.map((item) => item.sequence));
    expect(rows.every((row) => row[5] === pat && row[6] === 'Pat Example')).toBe(true);
  });

  it('quotes by RFC 4180 and defuses cells a spreadsheet would run as formulas', async () => {
    const hostileAgent = '=cmd|" /C calc"!A0, "quoted", and more';
    await clinician.request('GET', '/api/audit-events', undefined, { 'user-agent': hostileAgent });
    const reason = '@SUM(1+1) patient collapsed,\nneeds "allergy" list now';
    const prescriber = await server.signIn(demoAccountFor('prescriber').email);
    const granted = await prescriber.json<{ grantId: string }>('POST', `/api/patients/${riley}/break-glass`, {
      reason,
    });
    expect(granted.status).toBe(201);

    const text = await (
      await admin.request('GET', `/api/audit-events.csv?userId=${userIds.clinician}&outcome=denied`)
    ).text();
    // The raw bytes: the cell is quoted (comma and quotes inside), quotes doubled, and the formula prefixed.
    expect(text).toContain(`"'=cmd|"" /C calc""!A0, ""quoted"", and more"`);
    const rows = parseCsv(text).slice(1);
    expect(rows[0]?.[15]).toBe(`'${hostileAgent}`);

    const glassCsv = await admin.request(
      'GET',
      `/api/audit-events.csv?action=break_glass&patientId=${riley}`,
    );
    const glass = parseCsv(await glassCsv.text()).slice(1);
    const row = glass.find((candidate) => candidate[10] === granted.body.grantId);
    expect(row?.[13]).toBe(`'${reason}`);
    expect(row?.[12]).toBe('break_glass');
    for (const record of glass) expect(record).toHaveLength(17);
  });
});

describe('who accessed this record', () => {
  it('shows a break-the-glass access with its stated reason, and reads under it with the grant’s reason', async () => {
    const reason = 'Found unresponsive in the lobby; checking medications';
    const granted = await clinician.json<{ grantId: string }>('POST', `/api/patients/${riley}/break-glass`, {
      reason,
    });
    expect(granted.status).toBe(201);
    // A clinical read under the grant, as the authorization hook records it (outcome break_glass, no reason).
    await append(organizationId, [
      {
        actorUserId: userIds.clinician ?? null,
        actorRole: 'clinician',
        patientId: riley,
        action: 'read',
        resourceType: 'medication',
        resourceId: riley,
        fieldsChanged: null,
        ipAddress: '192.0.2.10',
        userAgent: 'test',
        outcome: 'break_glass',
        reason: null,
      },
    ]);

    const { status, body } = await supervisor.json<Page<AccessLogEntry>>(
      'GET',
      `/api/patients/${riley}/access-log`,
    );
    expect(status).toBe(200);
    const medicationRead = body.items.find((item) => item.resourceType === 'medication');
    const glass = body.items.find((item) => item.action === 'break_glass');
    expect(medicationRead).toMatchObject({
      actor: { userId: userIds.clinician, name: demoAccountFor('clinician').name, role: 'clinician' },
      action: 'read',
      resourceType: 'medication',
      outcome: 'break_glass',
      reason,
    });
    expect(glass).toMatchObject({
      actor: { userId: userIds.clinician },
      action: 'break_glass',
      resourceType: 'break_glass_grant',
      outcome: 'break_glass',
      reason,
    });
    for (const item of body.items) expect(item).not.toHaveProperty('ipAddress');
    const sequences = body.items.map((item) => item.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => b - a));
  });

  it('lists only this patient’s events, including who looked at the access log', async () => {
    const first = await admin.json<Page<AccessLogEntry>>('GET', `/api/patients/${pat}/access-log`);
    expect(first.status).toBe(200);
    const second = await admin.json<Page<AccessLogEntry>>('GET', `/api/patients/${pat}/access-log`);
    expect(second.body.items[0]).toMatchObject({
      actor: { userId: userIds.admin },
      action: 'read',
      resourceType: 'access_log',
    });
    const all = await admin.json<Page<AuditLogEntry>>('GET', `/api/audit-events?patientId=${pat}&limit=200`);
    // The audit view lists the same events, plus the second access-log read that was audited after it answered.
    expect(all.body.items[0]).toMatchObject({ resourceType: 'access_log', actor: { userId: userIds.admin } });
    expect(second.body.items.map((item) => item.id)).toEqual(
      all.body.items.slice(1, second.body.items.length + 1).map((item) => item.id),
    );
  });

  it('is open to the care team, administrators and supervisors, closed to other clinicians and front desk', async () => {
    // The demo clinician is Pat's primary therapist and not on Riley's care team (break-the-glass does not
    // open the access log: it is about the record, not the patient's care).
    expect((await clinician.request('GET', `/api/patients/${pat}/access-log`)).status).toBe(200);
    const before = await head();
    expect((await clinician.request('GET', `/api/patients/${riley}/access-log`)).status).toBe(403);
    expect((await eventsSince(before))[0]).toMatchObject({
      patientId: riley,
      resourceType: 'access_log',
      outcome: 'denied',
    });
    const frontDesk = await server.signIn(demoAccountFor('front_desk').email);
    expect((await frontDesk.request('GET', `/api/patients/${pat}/access-log`)).status).toBe(403);
  });

  it('answers another organization’s patient as if it did not exist', async () => {
    const { status } = await supervisor.json('GET', `/api/patients/${other.patientId}/access-log`);
    expect(status).toBe(404);
  });
});

describe('reviewing break-the-glass accesses', () => {
  let grant: BreakGlassGrantEntry;

  beforeAll(async () => {
    const granted = await clinician.json<{ grantId: string }>('POST', `/api/patients/${riley}/break-glass`, {
      reason: 'Crisis call overnight; needed the safety plan',
    });
    expect(granted.status).toBe(201);
    // One read under the grant, as the hook would record it.
    await append(organizationId, [
      {
        actorUserId: userIds.clinician ?? null,
        actorRole: 'clinician',
        patientId: riley,
        action: 'read',
        resourceType: 'treatment_plan',
        resourceId: riley,
        fieldsChanged: null,
        ipAddress: null,
        userAgent: null,
        outcome: 'break_glass',
        reason: null,
      },
    ]);
    const queue = await supervisor.json<Page<BreakGlassGrantEntry>>(
      'GET',
      '/api/break-glass-grants?reviewed=false',
    );
    const found = queue.body.items.find((item) => item.id === granted.body.grantId);
    if (found === undefined) throw new Error('the new grant is not in the review queue');
    grant = found;
  });

  it('lists unreviewed accesses to supervisors and administrators with who, whose record, why and how many reads', async () => {
    expect(grant).toMatchObject({
      patient: { id: riley, name: 'Riley Thompson' },
      user: { userId: userIds.clinician, name: demoAccountFor('clinician').name },
      reason: 'Crisis call overnight; needed the safety plan',
      accessCount: 1,
      review: null,
      version: 1,
    });
    const asAdmin = await admin.json<Page<BreakGlassGrantEntry>>(
      'GET',
      '/api/break-glass-grants?reviewed=false',
    );
    expect(asAdmin.body.items.map((item) => item.id)).toContain(grant.id);
    expect(asAdmin.body.items.map((item) => item.id)).not.toContain(other.grantId);
    expect((await clinician.request('GET', '/api/break-glass-grants')).status).toBe(403);
  });

  it('lets a supervisor, not an administrator, record the review once, with its audit event', async () => {
    const asAdmin = await admin.json('POST', `/api/break-glass-grants/${grant.id}/review`, {
      version: grant.version,
      note: 'Looks fine to me',
    });
    expect(asAdmin.status).toBe(403);

    const stale = await supervisor.json<{ code: string; current: BreakGlassGrantEntry }>(
      'POST',
      `/api/break-glass-grants/${grant.id}/review`,
      { version: grant.version + 1, note: 'Justified' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', current: { id: grant.id, review: null } });

    const before = await head();
    const reviewed = await supervisor.json<BreakGlassGrantEntry>(
      'POST',
      `/api/break-glass-grants/${grant.id}/review`,
      { version: grant.version, note: '  Justified: on-call crisis, plan needed.  ' },
    );
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({
      id: grant.id,
      version: grant.version + 1,
      review: {
        reviewedBy: { userId: userIds.supervisor, name: demoAccountFor('supervisor').name },
        note: 'Justified: on-call crisis, plan needed.',
      },
    });
    expect(await eventsSince(before)).toEqual([
      expect.objectContaining({
        actorUserId: userIds.supervisor,
        patientId: riley,
        action: 'review',
        resourceType: 'break_glass_grant',
        resourceId: grant.id,
        fieldsChanged: ['reviewedByUserId', 'reviewedAt', 'reviewNote'],
        outcome: 'allowed',
      }),
      // The same unit of work resolves the grant's review alert.
      expect.objectContaining({
        actorUserId: userIds.supervisor,
        patientId: riley,
        action: 'update',
        resourceType: 'alert',
        fieldsChanged: ['resolvedAt', 'resolution'],
      }),
    ]);

    const again = await supervisor.json<{ code: string }>(
      'POST',
      `/api/break-glass-grants/${grant.id}/review`,
      {
        version: grant.version + 1,
        note: 'Second opinion',
      },
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict');

    const unreviewed = await supervisor.json<Page<BreakGlassGrantEntry>>(
      'GET',
      '/api/break-glass-grants?reviewed=false',
    );
    expect(unreviewed.body.items.map((item) => item.id)).not.toContain(grant.id);
    const done = await supervisor.json<Page<BreakGlassGrantEntry>>(
      'GET',
      '/api/break-glass-grants?reviewed=true',
    );
    expect(done.body.items.map((item) => item.id)).toContain(grant.id);
  });

  it('refuses a supervisor’s review of their own emergency access, and audits the refusal', async () => {
    const own = await supervisor.json<{ grantId: string }>('POST', `/api/patients/${riley}/break-glass`, {
      reason: 'Covering the on-call phone for Morgan',
    });
    expect(own.status).toBe(201);
    const before = await head();
    const refused = await supervisor.json('POST', `/api/break-glass-grants/${own.body.grantId}/review`, {
      version: 1,
      note: 'Fine',
    });
    expect(refused.status).toBe(403);
    expect(await eventsSince(before)).toEqual([
      expect.objectContaining({
        actorUserId: userIds.supervisor,
        patientId: riley,
        action: 'review',
        resourceType: 'break_glass_grant',
        resourceId: own.body.grantId,
        outcome: 'denied',
      }),
    ]);
    const still = await supervisor.json<Page<BreakGlassGrantEntry>>(
      'GET',
      '/api/break-glass-grants?reviewed=false',
    );
    expect(still.body.items.find((item) => item.id === own.body.grantId)?.review).toBeNull();
  });

  it('answers another organization’s grant and a malformed review with 404 and 400', async () => {
    const elsewhere = await supervisor.json('POST', `/api/break-glass-grants/${other.grantId}/review`, {
      version: 1,
      note: 'Not ours',
    });
    expect(elsewhere.status).toBe(404);
    const empty = await supervisor.json<{ errors: { path: string }[] }>(
      'POST',
      `/api/break-glass-grants/${grant.id}/review`,
      { version: 0, note: ' ' },
    );
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((error) => error.path).sort()).toEqual(['body.note', 'body.version']);
  });
});
