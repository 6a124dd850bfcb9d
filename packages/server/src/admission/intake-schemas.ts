import { intakeItemKinds } from '@tandem/core';
import { z } from 'zod';

const kind = z.enum(intakeItemKinds, 'Choose clinical or administrative');

export const intakeChecklistItemSchema = z
  .object({
    id: z.uuid(),
    /** Stable key (consents_signed, plan_written...); reports and automation refer to it. */
    key: z.string(),
    label: z.string(),
    dueWithinDays: z.number().int(),
    position: z.number().int(),
    active: z.boolean(),
    /** Clinical items are completed by clinical staff only; administrative ones by any staff. */
    kind,
    version: z.number().int(),
  })
  .meta({ id: 'IntakeChecklistItem' });
export type IntakeChecklistItem = z.infer<typeof intakeChecklistItemSchema>;

const label = z.string().trim().min(1, 'Name the item').max(200, 'Keep the name under 200 characters');
const dueWithinDays = z
  .number('Enter a number of days')
  .int('Enter whole days')
  .min(0, 'Enter 0 days or more')
  .max(365, 'Enter at most 365 days');

export const intakeChecklistItemCreateSchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,62}$/, 'Use lower-case letters, digits and _ (starting with a letter)')
      .optional(),
    label,
    dueWithinDays,
    position: z.number().int().min(0).max(1000).optional(),
    active: z.boolean().default(true),
    /** Clinical unless said otherwise: the front desk cannot then clear a clinical alert. */
    kind: kind.default('clinical'),
  })
  .meta({ id: 'IntakeChecklistItemCreate' });
export type IntakeChecklistItemCreate = z.infer<typeof intakeChecklistItemCreateSchema>;

export const intakeChecklistItemUpdateSchema = z
  .object({
    label: label.optional(),
    dueWithinDays: dueWithinDays.optional(),
    position: z.number().int().min(0).max(1000).optional(),
    active: z.boolean().optional(),
    kind: kind.optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'IntakeChecklistItemUpdate' });
export type IntakeChecklistItemUpdate = z.infer<typeof intakeChecklistItemUpdateSchema>;

export const episodeIntakeItemSchema = z
  .object({
    itemId: z.uuid(),
    key: z.string(),
    label: z.string(),
    kind,
    dueWithinDays: z.number().int(),
    dueOn: z.iso.date(),
    completedOn: z.iso.date().nullable(),
    completedBy: z.string().nullable(),
    note: z.string().nullable(),
    /** 0 unless the item is not done and its due date has passed (active episodes only). */
    daysOverdue: z.number().int(),
  })
  .meta({ id: 'EpisodeIntakeItem' });
export type EpisodeIntakeItem = z.infer<typeof episodeIntakeItemSchema>;

export const intakeCompletionSchema = z
  .object({
    completedOn: z.iso.date('Enter the date as YYYY-MM-DD'),
    note: z.string().trim().max(1000, 'Keep the note under 1000 characters').nullable().optional(),
  })
  .meta({ id: 'IntakeCompletion' });
export type IntakeCompletion = z.infer<typeof intakeCompletionSchema>;

export const overdueIntakeItemSchema = z
  .object({
    patientId: z.uuid(),
    patientName: z.string(),
    mrn: z.string(),
    episodeId: z.uuid(),
    itemId: z.uuid(),
    itemLabel: z.string(),
    itemKind: kind,
    dueOn: z.iso.date(),
    daysOverdue: z.number().int(),
    onMyCareTeam: z.boolean(),
  })
  .meta({ id: 'OverdueIntakeItem' });
export type OverdueIntakeItem = z.infer<typeof overdueIntakeItemSchema>;
