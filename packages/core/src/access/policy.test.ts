import { describe, expect, it } from 'vitest';
import { type Role, roles } from '../identity/roles.ts';
import {
  type AccessDecision,
  decideAccess,
  decidePatientList,
  mayBreakGlass,
  noRelationship,
  type PatientRelationship,
  patientListScope,
} from './policy.ts';
import {
  type Action,
  actions,
  type CareTeamRole,
  careTeamRoles,
  clinicalResources,
  disclosureCategories,
  organizationResources,
  type PatientResource,
  patientResources,
  type ResourceKind,
  resourceByDisclosureCategory,
} from './resources.ts';

const organizationId = 'org-a';
const now = new Date('2026-11-23T12:00:00Z');
const resources: readonly ResourceKind[] = [...organizationResources, ...patientResources];

function ask(
  role: Role,
  action: Action,
  resource: ResourceKind,
  relationship: Partial<PatientRelationship> = {},
  resourceOrganization = organizationId,
): AccessDecision {
  return decideAccess({
    principal: { userId: 'user-1', organizationId, role },
    request: { action, resource, organizationId: resourceOrganization },
    relationship: { ...noRelationship, ...relationship },
    now,
  });
}

/** Every relationship a principal can have to one patient, to sweep the matrix with. */
const relationships: Partial<PatientRelationship>[] = [
  {},
  { isSubject: true },
  { consentedCategories: [...disclosureCategories] },
  { breakGlassExpiresAt: new Date(now.getTime() + 60_000) },
  ...careTeamRoles.map((place) => ({ careTeamRoles: [place] })),
  { careTeamRoles: [...careTeamRoles], isSubject: true, consentedCategories: [...disclosureCategories] },
];

function* matrix() {
  for (const role of roles)
    for (const action of actions)
      for (const resource of resources)
        for (const relationship of relationships) yield { role, action, resource, relationship };
}

describe('decideAccess: invariants over the whole matrix', () => {
  it('never lets anyone into another organization, whatever their relationship', () => {
    for (const { role, action, resource, relationship } of matrix()) {
      expect(ask(role, action, resource, relationship, 'org-b').allowed).toBe(false);
    }
  });

  it('explains every refusal and names the basis of every permission', () => {
    for (const { role, action, resource, relationship } of matrix()) {
      const decision = ask(role, action, resource, relationship);
      if (decision.allowed) expect(decision.basis).toMatch(/\w/);
      else expect(decision.reason.length).toBeGreaterThan(10);
    }
  });

  it('never shows clinical content to front desk', () => {
    for (const { action, resource, relationship } of matrix()) {
      if (!clinicalResources.includes(resource as PatientResource)) continue;
      expect(ask('front_desk', action, resource, relationship).allowed).toBe(false);
    }
  });

  it('lets support contacts only read, only what a consent names, always as an accounted disclosure', () => {
    for (const { action, resource, relationship } of matrix()) {
      const decision = ask('family_member', action, resource, relationship);
      if (!decision.allowed) continue;
      expect(action).toBe('read');
      expect(decision).toEqual({ allowed: true, basis: 'consent', isDisclosure: true });
      const opened = (relationship.consentedCategories ?? []).map(
        (category) => resourceByDisclosureCategory[category],
      );
      // The shared record is the union of what the consents open: some consent must open something.
      if (resource === 'shared_record') expect(opened.length).toBeGreaterThan(0);
      else expect(opened).toContain(resource);
    }
  });

  it('treats nothing inside the program as a disclosure', () => {
    for (const { role, action, resource, relationship } of matrix()) {
      if (role === 'family_member') continue;
      const decision = ask(role, action, resource, relationship);
      if (decision.allowed) expect(decision.isDisclosure).toBe(false);
    }
  });

  it('lets break-the-glass only read, and only when nothing else would allow it', () => {
    for (const { role, action, resource, relationship } of matrix()) {
      const decision = ask(role, action, resource, relationship);
      if (decision.allowed && decision.basis === 'break_glass') {
        expect(action).toBe('read');
        expect(['clinician', 'prescriber', 'supervisor']).toContain(role);
        expect(relationship.careTeamRoles ?? []).toEqual([]);
      }
    }
  });

  it('never lets a patient or a support contact sign or read psychotherapy progress notes', () => {
    for (const role of ['patient', 'family_member'] as const) {
      for (const { action, resource, relationship } of matrix()) {
        const decision = ask(role, action, resource, relationship);
        if (action === 'sign' || resource === 'progress_note') expect(decision.allowed).toBe(false);
      }
    }
  });
});

describe('decideAccess: what a refusal says', () => {
  it('says why in English for the audit trail, and as a message for the person refused', () => {
    expect(ask('front_desk', 'update', 'staff_directory')).toEqual({
      allowed: false,
      reason: 'A front_desk may not update staff directory.',
      message: expect.objectContaining({
        id: 'access.errors.roleMayNot',
        values: { role: 'front_desk', action: 'update', resource: 'staff_directory' },
      }),
    });
    expect(ask('clinician', 'sign', 'medication', { careTeamRoles: ['case_manager'] })).toMatchObject({
      reason: 'Your place on this care team does not allow you to sign medication.',
    });
    expect(ask('front_desk', 'read', 'treatment_plan')).toMatchObject({
      reason: 'Front desk staff do not see clinical content.',
      message: { id: 'access.errors.frontDeskNoClinical' },
    });
  });

  it('has a message for every refusal of the matrix', () => {
    for (const { role, action, resource, relationship } of matrix()) {
      const decision = ask(role, action, resource, relationship);
      if (!decision.allowed) expect(decision.message.id).toMatch(/^access\.errors\./);
    }
  });
});

describe('decideAccess: the program’s roles', () => {
  it('gives the staff directory to staff, its changes to administrators, and neither to patients or family', () => {
    for (const role of ['admin', 'clinician', 'prescriber', 'front_desk', 'supervisor'] as const) {
      expect(ask(role, 'read', 'staff_directory').allowed).toBe(true);
    }
    expect(ask('admin', 'update', 'staff_directory').allowed).toBe(true);
    expect(ask('clinician', 'update', 'staff_directory').allowed).toBe(false);
    expect(ask('patient', 'read', 'staff_directory').allowed).toBe(false);
    expect(ask('family_member', 'read', 'staff_directory').allowed).toBe(false);
  });

  it('opens the audit log to administrators and supervisors only, read-only', () => {
    const readers = roles.filter((role) => ask(role, 'read', 'audit_log').allowed);
    expect(readers).toEqual(['admin', 'supervisor']);
    for (const role of roles) expect(ask(role, 'update', 'audit_log').allowed).toBe(false);
  });

  it('opens the alert inbox to clinical staff and administrators, never to the front desk or the portal', () => {
    for (const action of ['read', 'update'] as const) {
      expect(roles.filter((role) => ask(role, action, 'alert_inbox').allowed)).toEqual([
        'admin',
        'clinician',
        'prescriber',
        'supervisor',
      ]);
    }
    expect(roles.some((role) => ask(role, 'create', 'alert_inbox').allowed)).toBe(false);
  });

  it('shows the on-duty roster to every staff member, kept by supervisors and administrators', () => {
    expect(roles.filter((role) => ask(role, 'read', 'on_duty_roster').allowed)).toEqual([
      'admin',
      'clinician',
      'prescriber',
      'front_desk',
      'supervisor',
    ]);
    for (const action of ['create', 'update'] as const) {
      expect(roles.filter((role) => ask(role, action, 'on_duty_roster').allowed)).toEqual([
        'admin',
        'supervisor',
      ]);
    }
  });

  it('opens the outbox (what Tandem mails) to administrators only: to read it and retry a failed delivery', () => {
    for (const action of ['read', 'update'] as const) {
      expect(roles.filter((role) => ask(role, action, 'outbox').allowed)).toEqual(['admin']);
    }
    for (const role of roles)
      for (const action of actions.filter((candidate) => candidate !== 'read' && candidate !== 'update'))
        expect(ask(role, action, 'outbox').allowed).toBe(false);
  });

  it('lets supervisors review break-the-glass accesses, administrators only see the reviews', () => {
    expect(roles.filter((role) => ask(role, 'read', 'break_glass_review').allowed)).toEqual([
      'admin',
      'supervisor',
    ]);
    expect(roles.filter((role) => ask(role, 'update', 'break_glass_review').allowed)).toEqual(['supervisor']);
    for (const role of roles)
      for (const action of ['create', 'sign'] as const)
        expect(ask(role, action, 'break_glass_review').allowed).toBe(false);
  });

  it('lets every staff role keep demographics and schedules, without a care-team tie', () => {
    for (const role of ['admin', 'clinician', 'prescriber', 'front_desk', 'supervisor'] as const) {
      for (const action of ['read', 'create', 'update'] as const) {
        expect(ask(role, action, 'patient_demographics')).toEqual({
          allowed: true,
          basis: 'organization_role',
          isDisclosure: false,
        });
        expect(ask(role, action, 'schedule').allowed).toBe(true);
      }
    }
  });

  it('keeps clinical content from an administrator unless they are on the care team', () => {
    expect(ask('admin', 'read', 'progress_note').allowed).toBe(false);
    expect(ask('admin', 'read', 'progress_note', { careTeamRoles: ['case_manager'] })).toMatchObject({
      allowed: true,
      basis: 'care_team',
    });
  });

  it('keeps a clinician off a record they have no tie to', () => {
    const decision = ask('clinician', 'read', 'progress_note');
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.reason).toMatch(/break-the-glass/);
  });
});

describe('decideAccess: the care team', () => {
  const writers = (resource: PatientResource, action: Action = 'create'): CareTeamRole[] =>
    careTeamRoles.filter((place) => ask('clinician', action, resource, { careTeamRoles: [place] }).allowed);

  it('lets every place on the team read the whole clinical record', () => {
    for (const place of careTeamRoles) {
      for (const resource of clinicalResources) {
        expect(ask('clinician', 'read', resource, { careTeamRoles: [place] }).allowed).toBe(true);
      }
    }
  });

  it('lets only the prescriber write medication and sign it', () => {
    expect(writers('medication')).toEqual(['prescriber']);
    expect(writers('medication', 'sign')).toEqual(['prescriber']);
  });

  it('lets a supervisor co-sign but not author', () => {
    expect(writers('progress_note', 'sign')).toContain('supervisor');
    expect(writers('progress_note')).not.toContain('supervisor');
    expect(writers('treatment_plan', 'sign')).toContain('supervisor');
  });

  it('lets the primary therapist write the treatment plan and the diagnosis', () => {
    expect(writers('treatment_plan')).toContain('primary_therapist');
    expect(writers('diagnosis')).toEqual(['primary_therapist', 'prescriber']);
  });
});

describe('decideAccess: the patient and their loved ones', () => {
  it('shows a patient their own record, not someone else’s', () => {
    expect(ask('patient', 'read', 'treatment_plan', { isSubject: true })).toMatchObject({
      allowed: true,
      basis: 'subject',
    });
    expect(ask('patient', 'read', 'treatment_plan', { isSubject: false }).allowed).toBe(false);
    expect(ask('patient', 'create', 'assessment', { isSubject: true }).allowed).toBe(true);
    expect(ask('patient', 'update', 'treatment_plan', { isSubject: true }).allowed).toBe(false);
  });

  it('opens to a support contact exactly the consented categories', () => {
    const attendanceOnly = { consentedCategories: ['attendance' as const] };
    expect(ask('family_member', 'read', 'schedule', attendanceOnly).allowed).toBe(true);
    expect(ask('family_member', 'read', 'drug_test', attendanceOnly).allowed).toBe(false);
    expect(ask('family_member', 'read', 'patient_demographics', attendanceOnly).allowed).toBe(false);
    expect(
      ask('family_member', 'read', 'drug_test', { consentedCategories: ['drug_test_results'] }).allowed,
    ).toBe(true);
  });
});

describe('decideAccess: break-the-glass', () => {
  it('opens a record for reading until the grant expires, flagged as such', () => {
    const inOneMinute = { breakGlassExpiresAt: new Date(now.getTime() + 60_000) };
    expect(ask('clinician', 'read', 'progress_note', inOneMinute)).toEqual({
      allowed: true,
      basis: 'break_glass',
      isDisclosure: false,
    });
    expect(ask('clinician', 'update', 'progress_note', inOneMinute).allowed).toBe(false);
    const expired = { breakGlassExpiresAt: new Date(now.getTime() - 1) };
    expect(ask('clinician', 'read', 'progress_note', expired).allowed).toBe(false);
  });

  it('is not available to front desk or administrators', () => {
    const grant = { breakGlassExpiresAt: new Date(now.getTime() + 60_000) };
    expect(ask('front_desk', 'read', 'progress_note', grant).allowed).toBe(false);
    expect(ask('admin', 'read', 'progress_note', grant).allowed).toBe(false);
  });
});

describe('mayBreakGlass', () => {
  const principal = (role: Role, org = organizationId) => ({ userId: 'user-1', organizationId: org, role });
  it('lets clinical staff off the care team break the glass, and nobody else', () => {
    for (const role of roles) {
      const expected = role === 'clinician' || role === 'prescriber' || role === 'supervisor';
      expect(mayBreakGlass(principal(role), organizationId, noRelationship).allowed, role).toBe(expected);
    }
  });
  it('refuses it to the care team, who need no emergency access, and across organizations', () => {
    const onTeam = { ...noRelationship, careTeamRoles: ['prescriber'] as CareTeamRole[] };
    expect(mayBreakGlass(principal('prescriber'), organizationId, onTeam).allowed).toBe(false);
    expect(mayBreakGlass(principal('clinician', 'org-b'), organizationId, noRelationship).allowed).toBe(
      false,
    );
  });
});

describe('records about the record: access log and accounting of disclosures', () => {
  it('opens the access log to administrators, supervisors and the care team, never for writing', () => {
    expect(ask('admin', 'read', 'access_log').allowed).toBe(true);
    expect(ask('supervisor', 'read', 'access_log').allowed).toBe(true);
    expect(ask('clinician', 'read', 'access_log', { careTeamRoles: ['primary_therapist'] })).toEqual({
      allowed: true,
      basis: 'care_team',
      isDisclosure: false,
    });
    expect(ask('clinician', 'read', 'access_log').allowed).toBe(false);
    expect(ask('front_desk', 'read', 'access_log').allowed).toBe(false);
    expect(ask('patient', 'read', 'access_log', { isSubject: true }).allowed).toBe(false);
    for (const role of roles)
      for (const action of actions.filter((candidate) => candidate !== 'read'))
        expect(ask(role, action, 'access_log', { careTeamRoles: [...careTeamRoles] }).allowed).toBe(false);
  });
  it('gives the patient the accounting of disclosures of their own record', () => {
    expect(ask('patient', 'read', 'disclosure_accounting', { isSubject: true }).allowed).toBe(true);
    expect(ask('patient', 'read', 'disclosure_accounting').allowed).toBe(false);
    expect(
      ask('family_member', 'read', 'disclosure_accounting', {
        consentedCategories: [...disclosureCategories],
      }).allowed,
    ).toBe(false);
    expect(ask('front_desk', 'read', 'disclosure_accounting').allowed).toBe(false);
  });
});

describe('patientListScope', () => {
  it('lists the organization to staff, oneself to a patient, consenting patients to a support contact', () => {
    expect(patientListScope('front_desk')).toBe('organization');
    expect(patientListScope('admin')).toBe('organization');
    expect(patientListScope('patient')).toBe('self');
    expect(patientListScope('family_member')).toBe('consenting');
  });
});

describe('consents and releases of information', () => {
  it('lets the patient revoke (update) their own consent, and change nothing else of their record', () => {
    expect(ask('patient', 'update', 'consent_record', { isSubject: true })).toEqual({
      allowed: true,
      basis: 'subject',
      isDisclosure: false,
    });
    expect(ask('patient', 'update', 'consent_record', { isSubject: false }).allowed).toBe(false);
    const updatable = patientResources.filter(
      (resource) => ask('patient', 'update', resource, { isSubject: true }).allowed,
    );
    expect(updatable).toEqual(['consent_record']);
  });

  it('has consents recorded by care-team staff who witness the signature, not by the patient alone', () => {
    expect(ask('patient', 'create', 'consent_record', { isSubject: true }).allowed).toBe(false);
    expect(
      ask('clinician', 'create', 'consent_record', { careTeamRoles: ['primary_therapist'] }).allowed,
    ).toBe(true);
    expect(
      ask('family_member', 'update', 'consent_record', { consentedCategories: ['attendance'] }).allowed,
    ).toBe(false);
  });

  it('lets the care-team places that keep consents release records under one, and nobody else', () => {
    const releasers = careTeamRoles.filter(
      (place) => ask('clinician', 'create', 'release_of_information', { careTeamRoles: [place] }).allowed,
    );
    expect(releasers).toEqual(['primary_therapist', 'case_manager']);
    const grant = { breakGlassExpiresAt: new Date(now.getTime() + 60_000) };
    expect(ask('clinician', 'create', 'release_of_information', grant).allowed).toBe(false);
    expect(ask('admin', 'create', 'release_of_information').allowed).toBe(false);
    expect(ask('patient', 'create', 'release_of_information', { isSubject: true }).allowed).toBe(false);
    expect(
      ask('family_member', 'create', 'release_of_information', {
        consentedCategories: [...disclosureCategories],
      }).allowed,
    ).toBe(false);
  });
});

describe('admission and the care team', () => {
  it('lets clinical staff admit a patient who has no care team yet, and nobody else', () => {
    for (const role of ['clinician', 'prescriber', 'supervisor'] as const) {
      expect(ask(role, 'create', 'episode_of_care')).toEqual({
        allowed: true,
        basis: 'organization_role',
        isDisclosure: false,
      });
    }
    for (const role of ['admin', 'front_desk', 'patient', 'family_member'] as const) {
      expect(ask(role, 'create', 'episode_of_care').allowed).toBe(false);
    }
  });

  it('keeps the episode itself (substances, problems, discharge) clinical: the care team reads and updates it', () => {
    expect(ask('clinician', 'read', 'episode_of_care').allowed).toBe(false);
    expect(ask('front_desk', 'read', 'episode_of_care', { careTeamRoles: ['case_manager'] }).allowed).toBe(
      false,
    );
    expect(
      ask('clinician', 'read', 'episode_of_care', { careTeamRoles: ['group_facilitator'] }).allowed,
    ).toBe(true);
    expect(
      ask('clinician', 'update', 'episode_of_care', { careTeamRoles: ['primary_therapist'] }).allowed,
    ).toBe(true);
    expect(
      ask('clinician', 'update', 'episode_of_care', { careTeamRoles: ['group_facilitator'] }).allowed,
    ).toBe(false);
    expect(ask('admin', 'read', 'episode_of_care').allowed).toBe(false);
  });

  it('shows every staff member who is on the care team, and lets only its leads and supervisors change it', () => {
    for (const role of ['admin', 'clinician', 'prescriber', 'front_desk', 'supervisor'] as const) {
      expect(ask(role, 'read', 'care_team').allowed).toBe(true);
    }
    expect(ask('patient', 'read', 'care_team', { isSubject: true }).allowed).toBe(true);
    expect(
      ask('family_member', 'read', 'care_team', { consentedCategories: [...disclosureCategories] }).allowed,
    ).toBe(false);
    expect(ask('clinician', 'update', 'care_team', { careTeamRoles: ['primary_therapist'] }).allowed).toBe(
      true,
    );
    expect(ask('clinician', 'update', 'care_team', { careTeamRoles: ['case_manager'] }).allowed).toBe(true);
    expect(ask('clinician', 'update', 'care_team', { careTeamRoles: ['group_facilitator'] }).allowed).toBe(
      false,
    );
    expect(ask('clinician', 'update', 'care_team').allowed).toBe(false);
    expect(ask('supervisor', 'update', 'care_team').allowed).toBe(true);
    expect(ask('admin', 'update', 'care_team').allowed).toBe(false);
    expect(ask('front_desk', 'update', 'care_team').allowed).toBe(false);
  });

  it('keeps the intake checklist with the front office', () => {
    expect(ask('front_desk', 'update', 'intake_checklist').allowed).toBe(true);
    expect(ask('patient', 'update', 'intake_checklist', { isSubject: true }).allowed).toBe(false);
  });
});

describe('portal invitations', () => {
  it('are the care team’s to send, read and withdraw, a supervisor of a team member included', () => {
    for (const place of careTeamRoles) {
      for (const action of ['read', 'create', 'update'] as const) {
        expect(ask('clinician', action, 'portal_invitation', { careTeamRoles: [place] })).toMatchObject({
          allowed: true,
          basis: 'care_team',
        });
      }
    }
    expect(ask('supervisor', 'create', 'portal_invitation', { careTeamRoles: ['supervisor'] }).allowed).toBe(
      true,
    );
  });

  it('are refused to the front desk, administrators and clinicians off the team, and to the portal', () => {
    for (const role of ['front_desk', 'admin', 'clinician', 'supervisor', 'prescriber'] as const) {
      expect(ask(role, 'create', 'portal_invitation')).toMatchObject({
        allowed: false,
        reason: 'Only the patient’s care team can invite them or their loved ones.',
      });
    }
    expect(
      ask('clinician', 'create', 'portal_invitation', { breakGlassExpiresAt: new Date(8.64e15) }).allowed,
    ).toBe(false);
    expect(ask('patient', 'create', 'portal_invitation', { isSubject: true }).allowed).toBe(false);
    expect(
      ask('family_member', 'read', 'portal_invitation', { consentedCategories: [...disclosureCategories] })
        .allowed,
    ).toBe(false);
    expect(
      ask('clinician', 'sign', 'portal_invitation', { careTeamRoles: ['primary_therapist'] }).allowed,
    ).toBe(false);
  });
});

describe('the shared record (the family portal)', () => {
  it('opens to a support contact while a consent in effect names them, as a disclosure', () => {
    expect(ask('family_member', 'read', 'shared_record', { consentedCategories: ['attendance'] })).toEqual({
      allowed: true,
      basis: 'consent',
      isDisclosure: true,
    });
    expect(ask('family_member', 'read', 'shared_record')).toMatchObject({
      allowed: false,
      reason: 'The patient has no consent in effect that shares anything with you.',
    });
    expect(
      ask('family_member', 'update', 'shared_record', { consentedCategories: ['attendance'] }).allowed,
    ).toBe(false);
  });

  it('is only for support contacts: the patient and every staff role are refused', () => {
    for (const role of roles.filter((role) => role !== 'family_member')) {
      for (const relationship of relationships) {
        expect(ask(role, 'read', 'shared_record', relationship)).toMatchObject({
          allowed: false,
          reason: 'This page shows what a patient shared with a support contact.',
        });
      }
    }
  });
});

describe('decidePatientList', () => {
  it('lists demographics to every role, as far as patientListScope reaches', () => {
    for (const role of roles) {
      expect(decidePatientList(role, 'patient_demographics')).toMatchObject({
        allowed: true,
        scope: patientListScope(role),
      });
    }
    expect(decidePatientList('family_member', 'patient_demographics')).toMatchObject({
      basis: 'consent',
      isDisclosure: true,
    });
    expect(decidePatientList('clinician', 'patient_demographics')).toMatchObject({
      basis: 'organization_role',
      isDisclosure: false,
    });
  });

  it('lists portal invitations to staff over their care teams, and to nobody in the portal', () => {
    for (const role of ['admin', 'clinician', 'prescriber', 'front_desk', 'supervisor'] as const) {
      expect(decidePatientList(role, 'portal_invitation')).toEqual({
        allowed: true,
        scope: 'care_team',
        basis: 'care_team',
        isDisclosure: false,
      });
    }
    expect(decidePatientList('patient', 'portal_invitation').allowed).toBe(false);
    expect(decidePatientList('family_member', 'portal_invitation').allowed).toBe(false);
  });

  it('lists the portal’s patients to patients and support contacts, never to staff', () => {
    expect(decidePatientList('patient', 'shared_record')).toMatchObject({ allowed: true, scope: 'self' });
    expect(decidePatientList('family_member', 'shared_record')).toMatchObject({
      allowed: true,
      scope: 'consenting',
      isDisclosure: true,
    });
    for (const role of ['admin', 'clinician', 'prescriber', 'front_desk', 'supervisor'] as const) {
      expect(decidePatientList(role, 'shared_record')).toMatchObject({
        allowed: false,
        reason: 'The portal is for patients and the people they share with.',
      });
    }
  });

  it('refuses a list over any other resource', () => {
    expect(decidePatientList('admin', 'progress_note').allowed).toBe(false);
  });
});
