import type { CareTeam, CareTeamParticipant } from '@medplum/fhirtypes';
import type { CareTeamRole } from '../access/resources.ts';
import { careTeamRoleLabels } from '../admission/vocabulary.ts';
import { episodeOfCareExtension, part2Meta, reference } from './elements.ts';
import { fhirCodeSystems } from './systems.ts';

/** A staff member's place on the patient's care team (`care_team_members`, 0004), current or ended. */
export interface CareTeamMemberRecord {
  id: string;
  staffMemberId: string;
  displayName: string;
  role: CareTeamRole;
  startedAt: Date;
  endedAt: Date | null;
}

/** A patient's care team: every place on it, ended ones included, which keeps who cared for them and when. */
export interface CareTeamRecord {
  /** The CareTeam resource's id. A patient has one care team, so the patient's id serves. */
  id: string;
  patientId: string;
  /** The episode the team serves, when there is one. */
  episodeId: string | null;
  members: readonly CareTeamMemberRecord[];
}

/**
 * The care team as a FHIR R4 CareTeam: one participant per place, with its Tandem role and its period (an ended
 * place has an end). Participants keep the place's id as their element id.
 */
export function toFhirCareTeam(record: CareTeamRecord): CareTeam {
  const episode = episodeOfCareExtension(record.episodeId);
  return {
    resourceType: 'CareTeam',
    id: record.id,
    meta: part2Meta(),
    ...(episode && { extension: [episode] }),
    status: 'active',
    subject: reference('Patient', record.patientId),
    ...(record.members.length > 0 && { participant: record.members.map(participant) }),
  };
}

function participant(member: CareTeamMemberRecord): CareTeamParticipant {
  return {
    id: member.id,
    role: [
      {
        coding: [
          {
            system: fhirCodeSystems.careTeamRole,
            code: member.role,
            display: careTeamRoleLabels[member.role],
          },
        ],
      },
    ],
    member: reference('Practitioner', member.staffMemberId, member.displayName),
    period: {
      start: member.startedAt.toISOString(),
      ...(member.endedAt !== null && { end: member.endedAt.toISOString() }),
    },
  };
}
