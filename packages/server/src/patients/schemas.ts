import { careTeamRoles } from '@tandem/core';
import { z } from 'zod';

export const patientStatuses = ['active', 'discharged', 'deceased'] as const;

export const patientSummarySchema = z
  .object({
    id: z.uuid(),
    mrn: z.string(),
    legalGivenName: z.string(),
    legalFamilyName: z.string(),
    preferredName: z.string().nullable(),
    dateOfBirth: z.iso.date(),
    status: z.enum(patientStatuses),
    /** The caller holds a current place on this patient's care team. */
    onMyCareTeam: z.boolean(),
  })
  .meta({ id: 'PatientSummary' });
export type PatientSummary = z.infer<typeof patientSummarySchema>;

export const patientListQuerySchema = z.object({
  q: z.string().trim().max(100, 'Search with at most 100 characters').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const careTeamMemberSchema = z
  .object({
    staffMemberId: z.uuid(),
    displayName: z.string(),
    role: z.enum(careTeamRoles),
    startedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'CareTeamMember' });

export const patientRecordSchema = z
  .object({
    id: z.uuid(),
    mrn: z.string(),
    legalGivenName: z.string(),
    legalFamilyName: z.string(),
    preferredName: z.string().nullable(),
    pronouns: z.string().nullable(),
    dateOfBirth: z.iso.date(),
    sexAssignedAtBirth: z.string(),
    genderIdentity: z.string().nullable(),
    preferredLanguage: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    status: z.enum(patientStatuses),
    version: z.number().int(),
    careTeam: z.array(careTeamMemberSchema),
    /** On what basis the caller sees this record; a break-the-glass view says until when. */
    access: z.object({
      basis: z.enum(['organization_role', 'care_team', 'subject', 'consent', 'break_glass']),
      breakGlassExpiresAt: z.iso.datetime({ offset: true }).nullable(),
    }),
  })
  .meta({ id: 'PatientRecord' });
export type PatientRecord = z.infer<typeof patientRecordSchema>;

export const breakGlassRequestSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(10, 'Say in a sentence why this is an emergency (at least 10 characters)')
    .max(1000, 'Keep the reason under 1000 characters'),
});

export const breakGlassGrantSchema = z
  .object({ grantId: z.uuid(), expiresAt: z.iso.datetime({ offset: true }) })
  .meta({ id: 'BreakGlassGrant' });
