import { describe, expect, it } from 'vitest';
import { type Role, roles } from '../identity/roles.ts';
import {
  decidePatientListRow,
  type PatientListField,
  patientListFieldResources,
  patientListFields,
  patientListFilterReach,
} from './patient-list.ts';
import { decideAccess, noRelationship, type PatientRelationship } from './policy.ts';
import { careTeamRoles } from './resources.ts';

const organizationId = 'org-a';
const now = new Date('2026-11-23T12:00:00Z');
const principal = (role: Role) => ({ userId: 'user-1', organizationId, role });

function row(
  role: Role,
  relationship: Partial<PatientRelationship> = {},
  patientOrganization = organizationId,
) {
  return decidePatientListRow(
    principal(role),
    patientOrganization,
    { ...noRelationship, ...relationship },
    now,
  );
}
function fields(
  role: Role,
  relationship: Partial<PatientRelationship> = {},
): PatientListField[] | 'not listed' {
  const decision = row(role, relationship);
  return decision.listed ? decision.fields : 'not listed';
}

const relationships: Partial<PatientRelationship>[] = [
  {},
  { isSubject: true },
  { consentedCategories: ['attendance', 'medications'] },
  { breakGlassExpiresAt: new Date(now.getTime() + 60_000) },
  { breakGlassExpiresAt: new Date(now.getTime() - 60_000) },
  ...careTeamRoles.map((place) => ({ careTeamRoles: [place] })),
];

describe('decidePatientListRow: patient lists disclose clinical content (security review finding 1)', () => {
  it('gives every field of a row only when the policy lets the caller read the record part it comes from', () => {
    for (const role of roles)
      for (const relationship of relationships) {
        const decision = row(role, relationship);
        if (!decision.listed) continue;
        for (const field of patientListFields) {
          const allowed = decideAccess({
            principal: principal(role),
            request: { action: 'read', resource: patientListFieldResources[field], organizationId },
            relationship: { ...noRelationship, ...relationship },
            now,
          }).allowed;
          expect(decision.fields.includes(field), `${role} ${JSON.stringify(relationship)} ${field}`).toBe(
            allowed,
          );
        }
      }
  });

  it('never shows the front desk a level of care, whatever their relationship', () => {
    for (const relationship of relationships) {
      expect(fields('front_desk', relationship)).toEqual(['identity', 'primaryTherapist']);
    }
  });

  it('shows the current episode to the care team and an unexpired emergency grant only', () => {
    expect(fields('clinician', {})).toEqual(['identity', 'primaryTherapist']);
    expect(fields('clinician', { careTeamRoles: ['group_facilitator'] })).toEqual(patientListFields);
    expect(fields('supervisor', { careTeamRoles: ['supervisor'] })).toEqual(patientListFields);
    expect(fields('prescriber', { breakGlassExpiresAt: new Date(now.getTime() + 1) })).toEqual(
      patientListFields,
    );
    expect(fields('prescriber', { breakGlassExpiresAt: new Date(now.getTime() - 1) })).toEqual([
      'identity',
      'primaryTherapist',
    ]);
    expect(fields('admin', {})).toEqual(['identity', 'primaryTherapist']);
  });

  it('shows a patient their own identity and care team, nobody else', () => {
    expect(fields('patient', { isSubject: true })).toEqual(['identity', 'primaryTherapist']);
    expect(fields('patient', {})).toBe('not listed');
  });

  it('lists a patient to a support contact by name only, as a disclosure under consent', () => {
    expect(row('family_member', { consentedCategories: ['attendance', 'medications'] })).toEqual({
      listed: true,
      basis: 'consent',
      isDisclosure: true,
      fields: [],
      reads: [{ resource: 'patient_demographics', basis: 'consent' }],
    });
    expect(row('family_member', {})).toEqual({ listed: false });
    expect(row('family_member', { careTeamRoles: ['primary_therapist'], isSubject: true })).toEqual({
      listed: false,
    });
  });

  it('lists nobody of another organization', () => {
    for (const role of roles)
      for (const relationship of relationships) {
        expect(row(role, relationship, 'org-b')).toEqual({ listed: false });
      }
  });

  it('names for the audit trail exactly the resources whose fields the row carries, each with its basis', () => {
    expect(row('clinician', { careTeamRoles: ['primary_therapist'] })).toMatchObject({
      reads: [
        { resource: 'patient_demographics', basis: 'organization_role' },
        { resource: 'episode_of_care', basis: 'care_team' },
        { resource: 'care_team', basis: 'organization_role' },
      ],
    });
    expect(row('clinician', { breakGlassExpiresAt: new Date(now.getTime() + 60_000) })).toMatchObject({
      reads: [
        { resource: 'patient_demographics', basis: 'organization_role' },
        { resource: 'episode_of_care', basis: 'break_glass' },
        { resource: 'care_team', basis: 'organization_role' },
      ],
    });
  });
});

describe('patientListFilterReach', () => {
  it('lets staff filter by name and therapist across the program, by level of care only among their patients', () => {
    for (const role of ['admin', 'clinician', 'prescriber', 'supervisor'] as const) {
      expect(patientListFilterReach(role, 'identity')).toBe('organization');
      expect(patientListFilterReach(role, 'primaryTherapist')).toBe('organization');
      expect(patientListFilterReach(role, 'currentEpisode')).toBe('related');
    }
  });

  it('never lets the front desk or a support contact filter by what their rows do not show', () => {
    expect(patientListFilterReach('front_desk', 'currentEpisode')).toBe('none');
    expect(patientListFilterReach('front_desk', 'identity')).toBe('organization');
    for (const field of patientListFields)
      expect(patientListFilterReach('family_member', field)).toBe('none');
    expect(patientListFilterReach('patient', 'currentEpisode')).toBe('none');
    expect(patientListFilterReach('patient', 'identity')).toBe('related');
  });

  it('agrees with the rows: a role filters a part over a patient only if that patient’s row would show it', () => {
    for (const role of roles)
      for (const field of patientListFields) {
        const reach = patientListFilterReach(role, field);
        const unrelated = fields(role, {});
        const shownUnrelated = unrelated !== 'not listed' && unrelated.includes(field);
        expect(reach === 'organization', `${role} ${field}`).toBe(shownUnrelated);
        if (reach === 'none') {
          for (const relationship of relationships) {
            const shown = fields(role, relationship);
            expect(shown === 'not listed' || !shown.includes(field), `${role} ${field}`).toBe(true);
          }
        }
      }
  });
});
