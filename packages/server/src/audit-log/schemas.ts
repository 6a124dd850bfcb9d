import { defineMessages } from '@formatjs/intl';
import { auditOutcomes } from '@tandem/core/audit/audit-chain';
import { z } from 'zod';

const errors = defineMessages({
  notUserId: { id: 'auditLog.errors.notUserId', defaultMessage: 'Not a user id' },
  notPatientId: { id: 'auditLog.errors.notPatientId', defaultMessage: 'Not a patient id' },
  dateFormat: { id: 'auditLog.errors.dateFormat', defaultMessage: 'Use a date like 2026-11-23' },
  notAction: { id: 'auditLog.errors.notAction', defaultMessage: 'Not an action name' },
  chooseOutcome: {
    id: 'auditLog.errors.chooseOutcome',
    defaultMessage: 'Choose allowed, denied or break_glass',
  },
  notResourceType: { id: 'auditLog.errors.notResourceType', defaultMessage: 'Not a resource type' },
  notCursor: { id: 'auditLog.errors.notCursor', defaultMessage: 'Not a cursor from a previous page' },
  reviewedFlag: { id: 'auditLog.errors.reviewedFlag', defaultMessage: 'Use reviewed=true or reviewed=false' },
  writeFinding: {
    id: 'auditLog.errors.writeFinding',
    defaultMessage: 'Write what you found (at least {minimum} characters)',
  },
  noteTooLong: {
    id: 'auditLog.errors.noteTooLong',
    defaultMessage: 'Keep the note under {maximum} characters',
  },
});

const isoDate = (message: string) => z.iso.date(message);

/**
 * What the audit view filters by. Dates are calendar days in the organization's time zone, both inclusive.
 * Actions and resource types are open sets (features add their own), so they are checked for shape only.
 */
export const auditEventFilterSchema = z.object({
  userId: z.uuid(errors.notUserId.id).optional(),
  patientId: z.uuid(errors.notPatientId.id).optional(),
  from: isoDate(errors.dateFormat.id).optional(),
  to: isoDate(errors.dateFormat.id).optional(),
  action: z
    .string()
    .regex(/^[a-z][a-z_]{0,39}$/, errors.notAction.id)
    .optional(),
  outcome: z.enum(auditOutcomes, errors.chooseOutcome.id).optional(),
  resourceType: z
    .string()
    .regex(/^[a-z][a-z_]{0,63}$/, errors.notResourceType.id)
    .optional(),
});
export type AuditEventFilter = z.infer<typeof auditEventFilterSchema>;

/** Keyset paging: the next page starts below the last sequence seen. */
const pageQuery = {
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, errors.notCursor.id)
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
  reviewed: z.enum(['true', 'false'], errors.reviewedFlag.id).optional(),
  cursor: z.uuid(errors.notCursor.id).optional(),
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
    note: z.string().trim().min(3, errors.writeFinding.id).max(2000, errors.noteTooLong.id),
  })
  .meta({ id: 'BreakGlassReview' });
export type BreakGlassReview = z.infer<typeof breakGlassReviewSchema>;
