import { auditOutcomes } from '@tandem/core/audit/audit-chain';
import { z } from 'zod';

const isoDate = (message: string) => z.iso.date(message);

/**
 * What the audit view filters by. Dates are calendar days in the organization's time zone, both inclusive.
 * Actions and resource types are open sets (features add their own), so they are checked for shape only.
 */
export const auditEventFilterSchema = z.object({
  userId: z.uuid('Not a user id').optional(),
  patientId: z.uuid('Not a patient id').optional(),
  from: isoDate('Use a date like 2026-11-23').optional(),
  to: isoDate('Use a date like 2026-11-23').optional(),
  action: z
    .string()
    .regex(/^[a-z][a-z_]{0,39}$/, 'Not an action name')
    .optional(),
  outcome: z.enum(auditOutcomes, 'Choose allowed, denied or break_glass').optional(),
  resourceType: z
    .string()
    .regex(/^[a-z][a-z_]{0,63}$/, 'Not a resource type')
    .optional(),
});
export type AuditEventFilter = z.infer<typeof auditEventFilterSchema>;

/** Keyset paging: the next page starts below the last sequence seen. */
const pageQuery = {
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, 'Not a cursor from a previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export const auditEventListQuerySchema = auditEventFilterSchema.extend(pageQuery);
export const accessLogQuerySchema = z.object(pageQuery);

export const auditActorSchema = z
  .object({
    userId: z.uuid().nullable(),
    /** Null for an anonymous request or a user no longer known. */
    name: z.string().nullable(),
    /** The role the person held when the event happened. */
    role: z.string(),
  })
  .meta({ id: 'AuditActor' });

export const auditPatientSchema = z
  .object({
    id: z.uuid(),
    /** Legal name and MRN; null when the id names no patient of this organization. */
    name: z.string().nullable(),
    mrn: z.string().nullable(),
  })
  .meta({ id: 'AuditPatient' });

export const auditLogEntrySchema = z
  .object({
    id: z.uuid(),
    sequence: z.number().int(),
    occurredAt: z.iso.datetime({ offset: true }),
    actor: auditActorSchema,
    patient: auditPatientSchema.nullable(),
    action: z.string(),
    resourceType: z.string(),
    resourceId: z.string().nullable(),
    fieldsChanged: z.array(z.string()).nullable(),
    outcome: z.enum(auditOutcomes),
    /** Why: a refusal's reason, or the stated reason of the break-the-glass grant the access was made under. */
    reason: z.string().nullable(),
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .meta({ id: 'AuditLogEntry' });
export type AuditLogEntry = z.infer<typeof auditLogEntrySchema>;

export const auditLogPageSchema = z
  .object({
    items: z.array(auditLogEntrySchema),
    /** Pass as `cursor` for the next (older) page; null on the last page. */
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'AuditLogPage' });

export const accessLogEntrySchema = auditLogEntrySchema
  .pick({
    id: true,
    sequence: true,
    occurredAt: true,
    actor: true,
    action: true,
    resourceType: true,
    outcome: true,
    reason: true,
  })
  .meta({ id: 'AccessLogEntry' });
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

export const accessLogPageSchema = z
  .object({ items: z.array(accessLogEntrySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AccessLogPage' });

export const organizationMemberSchema = z
  .object({ userId: z.uuid(), name: z.string(), role: z.string() })
  .meta({ id: 'OrganizationMember' });
export type OrganizationMember = z.infer<typeof organizationMemberSchema>;

export const breakGlassGrantListQuerySchema = z.object({
  reviewed: z.enum(['true', 'false'], 'Use reviewed=true or reviewed=false').optional(),
  cursor: z.uuid('Not a cursor from a previous page').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const breakGlassGrantEntrySchema = z
  .object({
    id: z.uuid(),
    patient: auditPatientSchema,
    user: z.object({ userId: z.uuid(), name: z.string() }),
    reason: z.string(),
    grantedAt: z.iso.datetime({ offset: true }),
    expiresAt: z.iso.datetime({ offset: true }),
    /** Reads of the record made under this grant (audit events with outcome break_glass). */
    accessCount: z.number().int(),
    review: z
      .object({
        reviewedBy: z.object({ userId: z.uuid(), name: z.string() }),
        reviewedAt: z.iso.datetime({ offset: true }),
        note: z.string(),
      })
      .nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'BreakGlassGrantEntry' });
export type BreakGlassGrantEntry = z.infer<typeof breakGlassGrantEntrySchema>;

export const breakGlassGrantPageSchema = z
  .object({ items: z.array(breakGlassGrantEntrySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'BreakGlassGrantPage' });

export const breakGlassReviewSchema = z
  .object({
    version: z.number().int().positive(),
    note: z
      .string()
      .trim()
      .min(3, 'Write what you found (at least 3 characters)')
      .max(2000, 'Keep the note under 2000 characters'),
  })
  .meta({ id: 'BreakGlassReview' });
export type BreakGlassReview = z.infer<typeof breakGlassReviewSchema>;
