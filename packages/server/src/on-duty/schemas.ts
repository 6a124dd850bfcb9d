import { onDutyDuties } from '@tandem/core';
import { z } from 'zod';

export const onDutyShiftSchema = z
  .object({
    id: z.uuid(),
    staffMember: z.object({ id: z.uuid(), name: z.string() }),
    duty: z.enum(onDutyDuties),
    startsAt: z.iso.datetime({ offset: true }),
    /** When the shift ends: as planned, or when it was ended early. */
    endsAt: z.iso.datetime({ offset: true }),
    endedEarlyAt: z.iso.datetime({ offset: true }).nullable(),
    endedByName: z.string().nullable(),
    /** On duty at the moment of the answer. */
    onDutyNow: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'OnDutyShift' });
export type OnDutyShift = z.infer<typeof onDutyShiftSchema>;

export const onDutyRosterSchema = z
  .object({ shifts: z.array(onDutyShiftSchema) })
  .meta({ id: 'OnDutyRoster', description: 'Who is on duty now, then the shifts to come, soonest first' });

export const onDutyShiftCreateSchema = z
  .object({
    staffMemberId: z.uuid('Choose a staff member'),
    duty: z.enum(onDutyDuties, 'Choose a duty'),
    startsAt: z.iso.datetime({ offset: true, message: 'Enter when the shift starts' }),
    endsAt: z.iso.datetime({ offset: true, message: 'Enter when the shift ends' }),
  })
  .meta({ id: 'OnDutyShiftCreate' });
export type OnDutyShiftCreate = z.infer<typeof onDutyShiftCreateSchema>;

export const onDutyShiftEndSchema = z
  .object({ version: z.number().int().positive() })
  .meta({ id: 'OnDutyShiftEnd' });
