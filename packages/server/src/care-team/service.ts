import { careTeamRoleLabels, DomainError, jobRolesForCareTeamPlace, roleLabels } from '@tandem/core';
import { appendAuditEvents } from '../audit/repository.ts';
import type { WriteAudit } from '../http/authorization.ts';
import type { Principal } from '../identity/principal.ts';
import type { CareTeamRepository } from './repository.ts';
import type { CareTeam, CareTeamAssignment, CareTeamPlaceEnd } from './schemas.ts';

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/** Thrown inside a transaction to roll it back; answered with the team as it is once the rollback is done. */
class TeamChanged extends Error {
  readonly code: 'conflict' | 'version_conflict';

  constructor(code: 'conflict' | 'version_conflict', message: string) {
    super(message);
    this.code = code;
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const { code, constraint: name } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && name === constraint;
}

export function careTeamService(repository: CareTeamRepository) {
  const { db } = repository;

  const team = (organizationId: string, patientId: string): Promise<CareTeam> =>
    repository.team(db, organizationId, patientId);

  async function refusedWithTeam(
    organizationId: string,
    patientId: string,
    code: 'conflict' | 'version_conflict',
    message: string,
    extra: Record<string, unknown> = {},
  ): Promise<never> {
    throw new DomainError(code, message, {
      details: { ...extra, careTeam: await team(organizationId, patientId) },
    });
  }

  return {
    team,

    /**
     * Gives a staff member a place on the team. A new primary therapist ends the current one's place in the
     * same transaction (with who and why); the unique index on the current primary therapist settles a race.
     */
    async assign(
      principal: Principal,
      patientId: string,
      assignment: CareTeamAssignment,
      audit: WriteAudit,
    ): Promise<CareTeam> {
      const { organizationId, userId } = principal;
      const staff = await repository.staffMember(db, organizationId, assignment.staffMemberId);
      if (staff === undefined) {
        throw new DomainError('invalid_input', 'No such staff member.', {
          fieldErrors: [{ path: 'body.staffMemberId', message: 'No such staff member in this program' }],
        });
      }
      if (!staff.active) {
        throw new DomainError('invalid_input', 'This staff member no longer works here.', {
          fieldErrors: [{ path: 'body.staffMemberId', message: `${staff.displayName} is no longer active` }],
        });
      }
      const allowedJobs = jobRolesForCareTeamPlace[assignment.role];
      if (!allowedJobs.includes(staff.jobRole)) {
        const place = careTeamRoleLabels[assignment.role].toLowerCase();
        const jobs = allowedJobs.map((job) => roleLabels[job].toLowerCase()).join(' or ');
        throw new DomainError('invalid_input', `This job does not fit the ${place} place.`, {
          fieldErrors: [
            {
              path: 'body.role',
              message: `The ${place} place needs ${article(jobs)} ${jobs}; ${staff.displayName} is ${article(
                roleLabels[staff.jobRole],
              )} ${roleLabels[staff.jobRole].toLowerCase()}`,
            },
          ],
        });
      }
      const reason = assignment.reason ?? null;
      try {
        await db.transaction().execute(async (trx) => {
          const before = await repository.team(trx, organizationId, patientId);
          if (before.current.some((p) => p.staffMemberId === staff.id && p.role === assignment.role)) {
            throw new TeamChanged(
              'conflict',
              `${staff.displayName} already holds the ${careTeamRoleLabels[assignment.role].toLowerCase()} place.`,
            );
          }
          const events = [];
          if (assignment.role === 'primary_therapist') {
            const ended = await repository.endCurrentPrimaryTherapist(
              trx,
              organizationId,
              patientId,
              userId,
              reason,
            );
            if (
              assignment.replacesMemberId !== undefined &&
              (ended ?? null) !== assignment.replacesMemberId
            ) {
              throw new TeamChanged(
                'version_conflict',
                'Someone else changed the primary therapist meanwhile; review the care team as it is now.',
              );
            }
            if (ended !== undefined) {
              events.push(
                audit({
                  resourceType: 'care_team_member',
                  resourceId: ended,
                  fieldsChanged: ['endedAt', 'endedByUserId', 'changeReason'],
                }),
              );
            }
          }
          const memberId = await repository.insertPlace(trx, {
            organizationId,
            patientId,
            staffMemberId: staff.id,
            role: assignment.role,
            createdByUserId: userId,
            assignmentReason: reason,
          });
          events.push(
            audit({
              resourceType: 'care_team_member',
              resourceId: memberId,
              fieldsChanged: ['staffMemberId', 'role', ...(reason === null ? [] : ['assignmentReason'])],
            }),
          );
          await appendAuditEvents(trx, organizationId, events);
        });
      } catch (error) {
        if (error instanceof TeamChanged) {
          return refusedWithTeam(organizationId, patientId, error.code, error.message);
        }
        if (isUniqueViolation(error, 'care_team_members_one_primary_therapist')) {
          return refusedWithTeam(
            organizationId,
            patientId,
            'conflict',
            'Someone else assigned a primary therapist at the same moment; review the care team as it is now.',
          );
        }
        if (isUniqueViolation(error, 'care_team_members_current')) {
          return refusedWithTeam(
            organizationId,
            patientId,
            'conflict',
            `${staff.displayName} already holds this place.`,
          );
        }
        throw error;
      }
      return team(organizationId, patientId);
    },

    /** Ends a current place at the version the caller saw, saying who and why; the place stays in the history. */
    async end(
      principal: Principal,
      patientId: string,
      memberId: string,
      change: CareTeamPlaceEnd,
      audit: WriteAudit,
    ): Promise<CareTeam> {
      const { organizationId, userId } = principal;
      const ended = await db.transaction().execute(async (trx) => {
        const id = await repository.endPlace(trx, organizationId, patientId, memberId, {
          version: change.version,
          reason: change.reason,
          endedByUserId: userId,
        });
        if (id === undefined) return false;
        await appendAuditEvents(trx, organizationId, [
          audit({
            resourceType: 'care_team_member',
            resourceId: id,
            fieldsChanged: ['endedAt', 'endedByUserId', 'changeReason'],
          }),
        ]);
        return true;
      });
      if (ended) return team(organizationId, patientId);
      const current = await repository.place(db, organizationId, patientId, memberId);
      if (current === undefined) throw new DomainError('not_found', 'No such care team place.');
      if (current.endedAt !== null) {
        return refusedWithTeam(organizationId, patientId, 'conflict', 'This place has already ended.', {
          current,
        });
      }
      return refusedWithTeam(
        organizationId,
        patientId,
        'version_conflict',
        'Someone else changed this place; review their change.',
        { current },
      );
    },
  };
}

export type CareTeamService = ReturnType<typeof careTeamService>;
