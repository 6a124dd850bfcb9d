import { defineMessages } from '@formatjs/intl';
import { onDutyDuties } from '@tandem/core';
import { z } from 'zod';

const errors = defineMessages({
  chooseStaffMember: { id: 'onDuty.errors.chooseStaffMember', defaultMessage: 'Choose a staff member' },
  chooseDuty: { id: 'onDuty.errors.chooseDuty', defaultMessage: 'Choose a duty' },
  enterStart: { id: 'onDuty.errors.enterStart', defaultMessage: 'Enter when the shift starts' },
  enterEnd: { id: 'onDuty.errors.enterEnd', defaultMessage: 'Enter when the shift ends' },
});

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
    staffMemberId: z.uuid(errors.chooseStaffMember.id),
    duty: z.enum(onDutyDuties, errors.chooseDuty.id),
    startsAt: z.iso.datetime({ offset: true, message: errors.enterStart.id }),
    endsAt: z.iso.datetime({ offset: true, message: errors.enterEnd.id }),
  })
  .meta({ id: 'OnDutyShiftCreate' });
export type OnDutyShiftCreate = z.infer<typeof onDutyShiftCreateSchema>;

export const onDutyShiftEndSchema = z
  .object({ version: z.number().int().positive() })
  .meta({ id: 'OnDutyShiftEnd' });
