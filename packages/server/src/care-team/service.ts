import { DomainError, type ErrorMessage, jobRolesForCareTeamPlace } from '@tandem/core';
import { withValues } from '../i18n/error-message.ts';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import { Refusal } from '../records/refusal.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import { careTeamErrors as errors } from './errors.ts';
import type { CareTeamRepository } from './repository.ts';
import type { CareTeam, CareTeamAssignment, CareTeamPlaceEnd } from './schemas.ts';

export function careTeamService(records: RecordKernel, repository: CareTeamRepository) {
  const { db } = records;

  const team = (organizationId: string, patientId: string): Promise<CareTeam> =>
    repository.team(db, organizationId, patientId);

  /** A refusal answered with the team as it is once the change is rolled back. */
  const refusedWithTeam = (
    organizationId: string,
    patientId: string,
    code: 'conflict' | 'version_conflict',
    message: ErrorMessage,
    current?: () => Promise<unknown>,
  ) =>
    new Refusal(code, message, {
      loadDetails: async () => ({ careTeam: await team(organizationId, patientId) }),
      ...(current === undefined ? {} : { current }),
    });

  return {
    team,

    /**
     * Gives a staff member a place on the team. A new primary therapist ends the current one's place in the
     * same transaction (with who and why); the unique index on the current primary therapist settles a race.
     */
    async assign(
      context: RecordContext,
      patientId: string,
      assignment: CareTeamAssignment,
    ): Promise<CareTeam> {
      const organizationId = organizationOf(context);
      const { userId } = context.principal;
      const staff = await repository.staffMember(db, organizationId, assignment.staffMemberId);
      if (staff === undefined) {
        throw new DomainError('invalid_input', errors.noSuchStaffMember, {
          fieldErrors: [{ path: 'body.staffMemberId', message: errors.noSuchStaffMemberHere }],
        });
      }
      if (!staff.active) {
        throw new DomainError('invalid_input', errors.staffNoLongerWorksHere, {
          fieldErrors: [
            {
              path: 'body.staffMemberId',
              message: withValues(errors.staffInactive, { name: staff.displayName }),
            },
          ],
        });
      }
      const allowedJobs = jobRolesForCareTeamPlace[assignment.role];
      if (!allowedJobs.includes(staff.jobRole)) {
        const place = assignment.role;
        throw new DomainError('invalid_input', withValues(errors.jobDoesNotFit, { place }), {
          fieldErrors: [
            {
              path: 'body.role',
              message: withValues(errors.placeNeedsJob, {
                place,
                name: staff.displayName,
                job: staff.jobRole,
              }),
            },
          ],
        });
      }
      const reason = assignment.reason ?? null;
      const placeTaken = (message: ErrorMessage) => ({
        message,
        loadDetails: async () => ({ careTeam: await team(organizationId, patientId) }),
      });
      await records.write(
        context,
        async ({ trx, audit }) => {
          const before = await repository.team(trx, organizationId, patientId);
          if (before.current.some((p) => p.staffMemberId === staff.id && p.role === assignment.role)) {
            throw refusedWithTeam(
              organizationId,
              patientId,
              'conflict',
              withValues(errors.alreadyHoldsPlace, { name: staff.displayName, place: assignment.role }),
            );
          }
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
              throw refusedWithTeam(
                organizationId,
                patientId,
                'version_conflict',
                errors.primaryTherapistChanged,
              );
            }
            if (ended !== undefined) {
              audit({
                resourceType: 'care_team_member',
                resourceId: ended,
                fieldsChanged: ['endedAt', 'endedByUserId', 'changeReason'],
              });
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
          audit({
            resourceType: 'care_team_member',
            resourceId: memberId,
            fieldsChanged: ['staffMemberId', 'role', ...(reason === null ? [] : ['assignmentReason'])],
          });
        },
        {
          conflicts: {
            care_team_members_one_primary_therapist: placeTaken(errors.primaryTherapistAssigned),
            care_team_members_current: placeTaken(
              withValues(errors.alreadyHoldsThisPlace, { name: staff.displayName }),
            ),
          },
        },
      );
      return team(organizationId, patientId);
    },

    /** Ends a current place at the version the caller saw, saying who and why; the place stays in the history. */
    async end(
      context: RecordContext,
      patientId: string,
      memberId: string,
      change: CareTeamPlaceEnd,
    ): Promise<CareTeam> {
      const organizationId = organizationOf(context);
      await records.write(context, async ({ trx, audit }) => {
        const id = await repository.endPlace(trx, organizationId, patientId, memberId, {
          version: change.version,
          reason: change.reason,
          endedByUserId: context.principal.userId,
        });
        if (id !== undefined) {
          audit({
            resourceType: 'care_team_member',
            resourceId: id,
            fieldsChanged: ['endedAt', 'endedByUserId', 'changeReason'],
          });
          return;
        }
        const current = await repository.place(trx, organizationId, patientId, memberId);
        if (current === undefined) throw new DomainError('not_found', errors.noSuchPlace);
        if (current.endedAt !== null) {
          throw refusedWithTeam(
            organizationId,
            patientId,
            'conflict',
            errors.placeEnded,
            async () => current,
          );
        }
        throw refusedWithTeam(
          organizationId,
          patientId,
          'version_conflict',
          errors.placeChanged,
          async () => current,
        );
      });
      return team(organizationId, patientId);
    },
  };
}

export type CareTeamService = ReturnType<typeof careTeamService>;
