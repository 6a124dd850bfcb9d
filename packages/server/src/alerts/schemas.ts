import { defineMessages } from '@formatjs/intl';
import { alertKinds, alertSeverities, alertStatuses, minimumResolutionLength } from '@tandem/core';
import { z } from 'zod';

const errors = defineMessages({
  sayWhatWasDone: {
    id: 'alerts.errors.sayWhatWasDone',
    defaultMessage: 'Say what was done (at least {minimum} characters)',
  },
});

export const alertSchema = z
  .object({
    id: z.uuid(),
    patientId: z.uuid().nullable(),
    patientName: z.string().nullable(),
    patientMrn: z.string().nullable(),
    kind: z.enum(alertKinds),
    severity: z.enum(alertSeverities),
    status: z.enum(alertStatuses),
    summary: z.string(),
    /** The break-the-glass access a `break_glass_review` alert asks to review (GET /api/break-glass-grants/:id). */
    breakGlassGrantId: z.uuid().nullable(),
    raisedAt: z.iso.datetime(),
    acknowledgedAt: z.iso.datetime().nullable(),
    acknowledgedByName: z.string().nullable(),
    resolvedAt: z.iso.datetime().nullable(),
    resolvedByName: z.string().nullable(),
    resolution: z.string().nullable(),
    escalatedAt: z.iso.datetime().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Alert' });
export type Alert = z.infer<typeof alertSchema>;

export const alertListSchema = z.object({ alerts: z.array(alertSchema) }).meta({ id: 'AlertList' });

export const alertAcknowledgementSchema = z.object({ version: z.number().int().positive() });

export const alertResolutionSchema = z.object({
  version: z.number().int().positive(),
  resolution: z.string().trim().min(minimumResolutionLength, errors.sayWhatWasDone.id).max(4000),
});
export type AlertResolution = z.infer<typeof alertResolutionSchema>;
