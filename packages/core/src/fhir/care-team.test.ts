import { describe, expect, it } from 'vitest';
import { careTeamRoles } from '../access/resources.ts';
import { careTeamRoleLabels } from '../admission/vocabulary.ts';
import { type CareTeamRecord, toFhirCareTeam } from './care-team.ts';
import { fhirCodeSystems, fhirExtensionUrls, part2SecurityLabels } from './systems.ts';
import { r4Errors } from './testing/r4.ts';

function careTeam(overrides: Partial<CareTeamRecord> = {}): CareTeamRecord {
  return {
    id: 'pt-1',
    patientId: 'pt-1',
    episodeId: 'ep-1',
    members: [
      {
        id: 'ctm-1',
        staffMemberId: 'staff-1',
        displayName: 'Dana Reyes, LADC',
        role: 'primary_therapist',
        startedAt: new Date('2026-01-05T16:00:00Z'),
        endedAt: null,
      },
      {
        id: 'ctm-2',
        staffMemberId: 'staff-2',
        displayName: 'Dr. Lee',
        role: 'prescriber',
        startedAt: new Date('2026-01-05T16:00:00Z'),
        endedAt: new Date('2026-02-10T20:15:00Z'),
      },
    ],
    ...overrides,
  };
}

describe('toFhirCareTeam', () => {
  it('maps a care team to a valid R4 CareTeam', () => {
    const resource = toFhirCareTeam(careTeam());
    expect(r4Errors(resource)).toEqual([]);
    expect(resource).toEqual({
      resourceType: 'CareTeam',
      id: 'pt-1',
      meta: { security: part2SecurityLabels() },
      extension: [
        { url: fhirExtensionUrls.episodeOfCare, valueReference: { reference: 'EpisodeOfCare/ep-1' } },
      ],
      status: 'active',
      subject: { reference: 'Patient/pt-1' },
      participant: [
        {
          id: 'ctm-1',
          role: [
            {
              coding: [
                {
                  system: fhirCodeSystems.careTeamRole,
                  code: 'primary_therapist',
                  display: 'Primary therapist',
                },
              ],
            },
          ],
          member: { reference: 'Practitioner/staff-1', display: 'Dana Reyes, LADC' },
          period: { start: '2026-01-05T16:00:00.000Z' },
        },
        {
          id: 'ctm-2',
          role: [
            { coding: [{ system: fhirCodeSystems.careTeamRole, code: 'prescriber', display: 'Prescriber' }] },
          ],
          member: { reference: 'Practitioner/staff-2', display: 'Dr. Lee' },
          period: { start: '2026-01-05T16:00:00.000Z', end: '2026-02-10T20:15:00.000Z' },
        },
      ],
    });
  });

  it('gives every role its Tandem code and label', () => {
    const resource = toFhirCareTeam(
      careTeam({
        members: careTeamRoles.map((role, index) => ({
          id: `ctm-${index}`,
          staffMemberId: `staff-${index}`,
          displayName: `Staff ${index}`,
          role,
          startedAt: new Date('2026-01-05T16:00:00Z'),
          endedAt: null,
        })),
      }),
    );
    expect(r4Errors(resource)).toEqual([]);
    expect(resource.participant?.map((p) => p.role?.[0]?.coding?.[0])).toEqual(
      careTeamRoles.map((role) => ({
        system: fhirCodeSystems.careTeamRole,
        code: role,
        display: careTeamRoleLabels[role],
      })),
    );
  });

  it('maps a team with no episode and no members without empty elements', () => {
    const resource = toFhirCareTeam(careTeam({ episodeId: null, members: [] }));
    expect(r4Errors(resource)).toEqual([]);
    expect(resource).not.toHaveProperty('extension');
    expect(resource).not.toHaveProperty('participant');
  });
});
