import { defineMessages } from '@formatjs/intl';
import { careTeamRoles, staffRoles } from '@tandem/core';
import { z } from 'zod';

const errors = defineMessages({
  sayWhy: { id: 'careTeam.errors.sayWhy', defaultMessage: 'Say why, in a few words' },
  reasonTooLong: {
    id: 'careTeam.errors.reasonTooLong',
    defaultMessage: 'Keep the reason under {maximum, number} characters',
  },
  chooseStaffMember: { id: 'careTeam.errors.chooseStaffMember', defaultMessage: 'Choose a staff member' },
  choosePlace: { id: 'careTeam.errors.choosePlace', defaultMessage: 'Choose a place on the care team' },
});

/** One place on a patient's care team, current or ended: who, in which place, since when, and why it changed. */
export const careTeamPlaceSchema = z
  .object({
    id: z.uuid(),
    patientId: z.uuid(),
    staffMemberId: z.uuid(),
    staffName: z.string(),
    /** The staff member's job (clinician, prescriber...), not their place on this team. */
    staffJobRole: z.enum(staffRoles),
    staffCredentials: z.array(z.string()),
    /** False once the staff member left the organization (their places stay in the history). */
    staffActive: z.boolean(),
    role: z.enum(careTeamRoles),
    startedAt: z.iso.datetime({ offset: true }),
    assignedByName: z.string().nullable(),
    assignmentReason: z.string().nullable(),
    endedAt: z.iso.datetime({ offset: true }).nullable(),
    endedByName: z.string().nullable(),
    /** Why the place ended. */
    changeReason: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'CareTeamPlace' });
export type CareTeamPlace = z.infer<typeof careTeamPlaceSchema>;

export const careTeamSchema = z
  .object({
    /** Current places, in the order of careTeamRoles (primary therapist first), then by start. */
    current: z.array(careTeamPlaceSchema),
    /** Every place, current and ended, the most recent change first. */
    history: z.array(careTeamPlaceSchema),
  })
  .meta({ id: 'CareTeam' });
export type CareTeam = z.infer<typeof careTeamSchema>;

const reason = z.string().trim().min(1, errors.sayWhy.id).max(1000, errors.reasonTooLong.id);

export const careTeamAssignmentSchema = z
  .object({
    staffMemberId: z.uuid(errors.chooseStaffMember.id),
    role: z.enum(careTeamRoles, errors.choosePlace.id),
    reason: reason.optional(),
    /**
     * For a primary therapist: the current place this assignment replaces as the caller saw it, or null when
     * they saw none. Given, a team changed meanwhile is refused with 409 and the current team.
     */
    replacesMemberId: z.uuid().nullable().optional(),
  })
  .meta({ id: 'CareTeamAssignment' });
export type CareTeamAssignment = z.infer<typeof careTeamAssignmentSchema>;

export const careTeamPlaceEndSchema = z
  .object({
    reason,
    version: z.number().int().positive(),
  })
  .meta({ id: 'CareTeamPlaceEnd' });
export type CareTeamPlaceEnd = z.infer<typeof careTeamPlaceEndSchema>;
