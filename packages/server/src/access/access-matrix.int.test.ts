import {
  type AccessDecision,
  type DisclosureCategory,
  decideAccess,
  decidePatientList,
  invitationAccessResource,
  isPatientResource,
  mayBreakGlass,
  noRelationship,
  type PatientRelationship,
  type Role,
  roles,
  scopedPatientListResources,
} from '@tandem/core';
import { verifyChain } from '@tandem/core/audit/audit-chain';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../audit/repository.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { isDeclaredAccess, type RoutePolicy } from '../http/route-policy.ts';
import { demoFamilyCategories, demoRelationshipOf, findDemoPatients } from '../testing/demo-relationships.ts';
import { userIdOf } from '../testing/invitation-fixtures.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';

/**
 * The access matrix over HTTP: every role × every route that declares a policy × every relationship the demo
 * holds (care team, supervision, subject, consent, none) and a patient of another organization. The expected
 * answer comes from the core policy given the relationship this fixture states by hand; the server must load
 * the same relationship and enforce exactly that answer. Zero unauthorized reads or writes, and another
 * organization's records look exactly like records that do not exist.
 */
let server: TestServer;
const clients = new Map<Role, TestClient>();
let organizationA: string;
let organizationB: string;
const patients: Record<'pat' | 'riley' | 'other', string> = { pat: '', riley: '', other: '' };
const staffOf: Record<'a' | 'b', string> = { a: '', b: '' };
/** An episode of each demo patient, for routes that name the patient by a record it owns. */
const episodes: Record<'pat' | 'riley', string> = { pat: '', riley: '' };
let familyCategories: DisclosureCategory[] = [];
/** Organization records named by id in a path, one of each organization: A's is found, B's looks like none. */
const recordsOf: Record<'grantId' | 'shiftId' | 'messageId', Record<'a' | 'b', string>> = {
  grantId: { a: '', b: '' },
  shiftId: { a: '', b: '' },
  messageId: { a: '', b: '' },
};
/**
 * Records named by their own id whose resource depends on what they are (RecordRoutePolicy): an open portal
 * invitation of each demo patient, a staff invitation of A ('organization'), and a patient's invitation of B
 * ('other', which must look like no record at all).
 */
const invitations: Record<'pat' | 'riley' | 'organization' | 'other', string> = {
  pat: '',
  riley: '',
  organization: '',
  other: '',
};

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  organizationA = server.demo?.organizationId ?? '';
  Object.assign(patients, await findDemoPatients(db, organizationA));
  for (const who of ['pat', 'riley'] as const) {
    episodes[who] = (
      await db
        .selectFrom('episodesOfCare')
        .select('id')
        .where('organizationId', '=', organizationA)
        .where('patientId', '=', patients[who])
        .executeTakeFirstOrThrow()
    ).id;
  }
  // A staff member without a sign-in: a write aimed at them (deactivation, say) ends nobody's session here.
  staffOf.a = (
    await db
      .selectFrom('staffMembers')
      .select('id')
      .where('organizationId', '=', organizationA)
      .where('userId', 'is', null)
      .orderBy('displayName')
      .executeTakeFirstOrThrow()
  ).id;

  // Organization B: a staff member and a patient that nobody of A may ever see, even with the right ids.
  organizationB = uuidv7();
  await db
    .insertInto('organizations')
    .values({ id: organizationB, name: 'Other Program', slug: 'other' })
    .execute();
  staffOf.b = uuidv7();
  await db
    .insertInto('staffMembers')
    .values({
      organizationId: organizationB,
      id: staffOf.b,
      displayName: 'B Clinician',
      jobRole: 'clinician',
    })
    .execute();
  patients.other = uuidv7();
  await db
    .insertInto('patients')
    .values({
      organizationId: organizationB,
      id: patients.other,
      mrn: 'B-1',
      legalGivenName: 'Other',
      legalFamilyName: 'Person',
      dateOfBirth: '1990-01-01',
    })
    .execute();

  familyCategories = await demoFamilyCategories(db, patients.pat);

  // A break-the-glass grant in each organization, long expired (it opens nothing any more).
  const someone = (
    await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoAccountFor('prescriber').email)
      .executeTakeFirstOrThrow()
  ).id;
  for (const [key, organizationId, patientId] of [
    ['a', organizationA, patients.riley],
    ['b', organizationB, patients.other],
  ] as const) {
    recordsOf.grantId[key] = (
      await db
        .insertInto('breakGlassGrants')
        .values({
          organizationId,
          patientId,
          userId: someone,
          reason: 'Access matrix fixture: an old emergency',
          grantedAt: sql<Date>`now() - interval '2 days'`,
          expiresAt: sql<Date>`now() - interval '2 days' + interval '1 hour'`,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }

  // An outbox message in each organization, queued (retrying it is refused: only a failed one is retried).
  for (const [key, organizationId] of [
    ['a', organizationA],
    ['b', organizationB],
  ] as const) {
    recordsOf.messageId[key] = (
      await db
        .insertInto('outboxMessages')
        .values({
          organizationId,
          kind: 'password_reset',
          recipient: 'matrix@example.org',
          subject: 'Choose a new Tandem password',
          body: 'Access matrix fixture',
          userId: someone,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }

  // An on-duty shift in each organization, far ahead (it routes nothing during the test).
  const supervisorOfA = (
    await db
      .selectFrom('staffMembers')
      .select('id')
      .where('organizationId', '=', organizationA)
      .where('email', '=', demoAccountFor('supervisor').email)
      .executeTakeFirstOrThrow()
  ).id;
  const supervisorOfB = uuidv7();
  await db
    .insertInto('staffMembers')
    .values({
      organizationId: organizationB,
      id: supervisorOfB,
      displayName: 'B Supervisor',
      jobRole: 'supervisor',
    })
    .execute();
  for (const [key, organizationId, staffMemberId] of [
    ['a', organizationA, supervisorOfA],
    ['b', organizationB, supervisorOfB],
  ] as const) {
    recordsOf.shiftId[key] = (
      await db
        .insertInto('onDutyShifts')
        .values({
          organizationId,
          staffMemberId,
          duty: 'supervisor_on_call',
          startsAt: sql<Date>`now() + interval '30 days'`,
          endsAt: sql<Date>`now() + interval '31 days'`,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }

  const inviter = await userIdOf(db, demoAccountFor('admin').email);
  const invitation = async (
    organizationId: string,
    target: { kind: 'staff'; staffMemberId: string } | { kind: 'patient'; patientId: string },
  ) =>
    (
      await db
        .insertInto('invitations')
        .values({
          organizationId,
          ...target,
          email: `matrix-${uuidv7()}@example.test`,
          role: target.kind === 'staff' ? 'clinician' : 'patient',
          tokenHash: uuidv7().replaceAll('-', '').repeat(2),
          createdByUserId: inviter,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  invitations.pat = await invitation(organizationA, { kind: 'patient', patientId: patients.pat });
  invitations.riley = await invitation(organizationA, { kind: 'patient', patientId: patients.riley });
  invitations.organization = await invitation(organizationA, { kind: 'staff', staffMemberId: staffOf.a });
  invitations.other = await invitation(organizationB, { kind: 'patient', patientId: patients.other });

  for (const role of roles) clients.set(role, await server.signIn(demoAccountFor(role).email));
});
afterAll(async () => {
  await server?.close();
});

function relationshipOf(role: Role, patient: 'pat' | 'riley'): PatientRelationship {
  return demoRelationshipOf(role, patient, familyCategories);
}

/**
 * Routes whose handler adds a rule of its own after the hook: the expected answer of that rule, and a valid body
 * to reach it with. They run last, since an allowed one changes relationships (a break-the-glass grant).
 */
const handlerRules: Record<
  string,
  { rule: (role: Role, relationship: PatientRelationship) => AccessDecision; body: unknown }
> = {
  'POST /api/patients/:patientId/break-glass': {
    rule: (role, relationship) =>
      mayBreakGlass({ userId: 'u', organizationId: 'a', role }, 'a', relationship),
    body: { reason: 'Access matrix test: emergency' },
  },
};

interface Case {
  role: Role;
  method: string;
  url: string;
  path: string;
  policy: RoutePolicy;
  target: 'pat' | 'riley' | 'other' | 'organization' | 'other-organization';
}

function policyRoutes() {
  return server.app.declaredRoutes.filter(
    (route): route is typeof route & { access: RoutePolicy } =>
      route.method !== 'HEAD' &&
      route.url.startsWith('/api/') &&
      isDeclaredAccess(route.access) &&
      typeof route.access === 'object',
  );
}

function cases(): Case[] {
  const result: Case[] = [];
  for (const route of policyRoutes()) {
    const isPatientRoute = 'patient' in route.access && route.access.patient !== 'list';
    const isRecordRoute = 'record' in route.access;
    const targets: Case['target'][] = isRecordRoute
      ? ['pat', 'riley', 'organization', 'other']
      : isPatientRoute
        ? ['pat', 'riley', 'other']
        : route.url.includes(':')
          ? ['organization', 'other-organization']
          : ['organization'];
    const access = route.access;
    const owner = 'patient' in access && typeof access.patient === 'object' ? access.patient : undefined;
    const record = 'record' in access ? access.record : undefined;
    for (const role of roles)
      for (const target of targets) {
        const path = route.url.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
          if (record !== undefined && name === record.param) return invitations[target as 'pat'];
          if (name === 'patientId') return patients[target as 'pat'];
          // A record of the patient's, by its own id (another organization's looks like none at all).
          if (owner?.owner !== undefined && name === owner.param) {
            return target === 'other' ? uuidv7() : episodes[target as 'pat'];
          }
          if (name === 'staffMemberId') return target === 'other-organization' ? staffOf.b : staffOf.a;
          if (name in recordsOf)
            return recordsOf[name as keyof typeof recordsOf][target === 'other-organization' ? 'b' : 'a'];
          return uuidv7();
        });
        result.push({ role, method: route.method, url: route.url, path, policy: route.access, target });
      }
  }
  return result;
}

function expected(testCase: Case): 'allowed' | 'forbidden' | 'not_found' {
  const { role, policy, target } = testCase;
  if (target === 'other') return 'not_found';
  // A list over patients: which roles may ask (decidePatientList); which patients come back, the list tests check.
  if (
    'patient' in policy &&
    policy.patient === 'list' &&
    policy.action === 'read' &&
    scopedPatientListResources.includes(policy.resource)
  ) {
    return decidePatientList(role, policy.resource).allowed ? 'allowed' : 'forbidden';
  }
  // A record named by its id stands for the resource of its kind: here a patient's invitation, or a staff one.
  const asked =
    'record' in policy
      ? invitationAccessResource(target === 'organization' ? 'staff' : 'patient', policy.action)
      : policy;
  const relationship = target === 'pat' || target === 'riley' ? relationshipOf(role, target) : noRelationship;
  const decision = decideAccess({
    principal: { userId: 'u', organizationId: 'a', role },
    request: { action: asked.action, resource: asked.resource, organizationId: 'a' },
    relationship: isPatientResource(asked.resource) ? relationship : undefined,
    now: new Date(),
  });
  if (!decision.allowed) return 'forbidden';
  const handlerRule = handlerRules[`${testCase.method} ${testCase.url}`];
  if (handlerRule !== undefined && !handlerRule.rule(role, relationship).allowed) return 'forbidden';
  // An organization resource of another organization, by id: allowed by role, but it does not exist here.
  if (target === 'other-organization') return 'not_found';
  return 'allowed';
}

describe('the access matrix over HTTP', () => {
  it('answers every role × route × relationship exactly as the policy decides, and audits every refusal', async () => {
    const all = cases().sort(
      (first, second) =>
        Number(`${first.method} ${first.url}` in handlerRules) -
        Number(`${second.method} ${second.url}` in handlerRules),
    );
    expect(all.length).toBeGreaterThan(50);
    const audit = auditRepository(server.database.db);
    const before = (await audit.chainHead(organizationA))?.lastSequence ?? 0;
    const mismatches: string[] = [];
    let refusals = 0;
    for (const testCase of all) {
      const client = clients.get(testCase.role) as TestClient;
      // Writes get an empty body: an allowed write fails validation (400) and changes nothing.
      const handlerRule = handlerRules[`${testCase.method} ${testCase.url}`];
      const body = testCase.method === 'GET' ? undefined : (handlerRule?.body ?? {});
      const response = await client.request(testCase.method, testCase.path, body);
      const text = await response.text();
      const want = expected(testCase);
      const got =
        response.status === 403
          ? 'forbidden'
          : response.status === 404 &&
              /No such (patient|staff member|record|message|break-the-glass access|on-duty shift)/.test(text)
            ? 'not_found'
            : response.status === 401
              ? 'unauthenticated'
              : 'allowed';
      // A write with an empty body may stop at validation before it looks the record up: no harm either way.
      const stoppedByValidation =
        want === 'not_found' && testCase.method !== 'GET' && response.status === 400;
      if (got !== want && !stoppedByValidation) {
        mismatches.push(
          `${testCase.role} ${testCase.method} ${testCase.url} on ${testCase.target}: want ${want}, got ${response.status} ${text.slice(0, 400)}`,
        );
      }
      // Audited as denied: refusals, and answers that found nothing after the hook allowed the request (a record
      // id of no record on this patient or organization), except reads of an organization's record by id.
      const isPatientRoute =
        'record' in testCase.policy || ('patient' in testCase.policy && testCase.policy.patient !== 'list');
      if (
        response.status === 403 ||
        (response.status === 404 && (isPatientRoute || testCase.method !== 'GET'))
      ) {
        refusals++;
      }
      // Nothing of organization B ever appears in an answer to A.
      expect(text).not.toContain('Other Program');
      expect(text).not.toContain('"legalGivenName":"Other"');
      expect(text).not.toContain('B Clinician');
    }
    expect(mismatches).toEqual([]);

    const events = await audit.eventsAfter(organizationA, before, 100_000);
    const denied = events.filter((event) => event.outcome === 'denied');
    expect(denied.length).toBe(refusals);
    expect(denied.every((event) => event.reason !== null && event.actorUserId !== null)).toBe(true);
    // B's chain holds nothing of A's requests.
    expect(await audit.eventsAfter(organizationB, 0, 10)).toEqual([]);
    const chain = await audit.eventsAfter(organizationA, 0, 1_000_000);
    expect(verifyChain(chain, await audit.chainHead(organizationA))).toBeUndefined();
  });

  it('lets no route that touches patient data be open to anyone signed in', async () => {
    const signedIn = server.app.declaredRoutes
      .filter((route) => route.method !== 'HEAD' && route.access === 'signed-in')
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    // The caller's own account and sessions, and the published ICD-10-CM list.
    expect(
      signedIn.every((route) => /^\w+ \/api\/(auth|me|diagnoses)\b/.test(route)),
      signedIn.join('\n'),
    ).toBe(true);
  });

  it('audits a cross-patient 404 as denied, not as allowed', async () => {
    const { db } = server.database;
    const otherPatientsEpisode = await db
      .selectFrom('episodesOfCare')
      .select('id')
      .where('organizationId', '=', organizationA)
      .where('patientId', '!=', patients.pat)
      .executeTakeFirstOrThrow();
    const clinician = clients.get('clinician') as TestClient;
    const audit = auditRepository(db);
    const before = (await audit.chainHead(organizationA))?.lastSequence ?? 0;

    // The clinician may read Pat's record; the episode belongs to someone else.
    const path = `/api/patients/${patients.pat}/episodes/${otherPatientsEpisode.id}`;
    expect((await clinician.request('GET', path)).status).toBe(404);
    expect(
      (
        await clinician.request('POST', `${path}/discharge`, {
          dischargedOn: '2026-01-01',
          dischargeType: 'planned_completion',
          version: 1,
        })
      ).status,
    ).toBe(404);

    const events = (await audit.eventsAfter(organizationA, before, 100)).filter(
      (event) => event.resourceId === otherPatientsEpisode.id,
    );
    expect(events.map((event) => [event.action, event.outcome])).toEqual([
      ['read', 'denied'],
      ['update', 'denied'],
    ]);
    expect(events.every((event) => event.patientId === patients.pat && event.reason !== null)).toBe(true);
  });

  it('lists exactly the patients each role may see, filtered in SQL', async () => {
    const listed = async (role: Role) => {
      const { status, body } = await (clients.get(role) as TestClient).json<{
        items: { id: string; onMyCareTeam: boolean }[];
      }>('GET', '/api/patients');
      expect(status, JSON.stringify(body)).toBe(200);
      return body.items;
    };
    const frontDesk = await listed('front_desk');
    expect(frontDesk.map((item) => item.id)).toEqual(expect.arrayContaining([patients.pat, patients.riley]));
    expect(frontDesk.map((item) => item.id)).not.toContain(patients.other);
    expect((await listed('patient')).map((item) => item.id)).toEqual([patients.pat]);
    const family = (await listed('family_member')).map((item) => item.id);
    expect(family).toEqual(familyCategories.length > 0 ? [patients.pat] : []);
    // The clinician's caseload comes first and is marked.
    const clinician = await listed('clinician');
    const firstOffCaseload = clinician.findIndex((item) => !item.onMyCareTeam);
    expect(clinician.slice(firstOffCaseload).every((item) => !item.onMyCareTeam)).toBe(true);
    expect(clinician.find((item) => item.id === patients.pat)?.onMyCareTeam).toBe(true);
  });
});
