import { defineMessages } from '@formatjs/intl';
import { intakeItemKinds } from '@tandem/core';
import { z } from 'zod';

const errors = defineMessages({
  chooseKind: { id: 'intake.errors.chooseKind', defaultMessage: 'Choose clinical or administrative' },
  nameItem: { id: 'intake.errors.nameItem', defaultMessage: 'Name the item' },
  nameTooLong: {
    id: 'intake.errors.nameTooLong',
    defaultMessage: 'Keep the name under {maximum} characters',
  },
  enterDays: { id: 'intake.errors.enterDays', defaultMessage: 'Enter a number of days' },
  wholeDays: { id: 'intake.errors.wholeDays', defaultMessage: 'Enter whole days' },
  daysAtLeast: { id: 'intake.errors.daysAtLeast', defaultMessage: 'Enter {minimum} days or more' },
  daysAtMost: { id: 'intake.errors.daysAtMost', defaultMessage: 'Enter at most {maximum} days' },
  keyCharacters: {
    id: 'intake.errors.keyCharacters',
    defaultMessage: 'Use lower-case letters, digits and _ (starting with a letter)',
  },
  dateFormat: { id: 'intake.errors.dateFormat', defaultMessage: 'Enter the date as YYYY-MM-DD' },
  noteTooLong: {
    id: 'intake.errors.noteTooLong',
    defaultMessage: 'Keep the note under {maximum} characters',
  },
});

const kind = z.enum(intakeItemKinds, errors.chooseKind.id);

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

const label = z.string().trim().min(1, errors.nameItem.id).max(200, errors.nameTooLong.id);
const dueWithinDays = z
  .number(errors.enterDays.id)
  .int(errors.wholeDays.id)
  .min(0, errors.daysAtLeast.id)
  .max(365, errors.daysAtMost.id);

export const intakeChecklistItemCreateSchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,62}$/, errors.keyCharacters.id)
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
    completedOn: z.iso.date(errors.dateFormat.id),
    note: z.string().trim().max(1000, errors.noteTooLong.id).nullable().optional(),
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
