import { defineMessages } from '@formatjs/intl';
import {
  DomainError,
  type ErrorMessage,
  type FieldError,
  type OnDutyDuty,
  onDutyShiftRefusals,
  type StaffRole,
} from '@tandem/core';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import { Refusal, staleVersion } from '../records/refusal.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import type { OnDutyRepository, OnDutyShiftRow } from './repository.ts';
import type { OnDutyShift, OnDutyShiftCreate } from './schemas.ts';

const errors = defineMessages({
  invalidFields: { id: 'onDuty.errors.invalidFields', defaultMessage: 'Some fields are missing or invalid.' },
  noSuchShift: { id: 'onDuty.errors.noSuchShift', defaultMessage: 'No such on-duty shift.' },
  chooseActiveStaff: {
    id: 'onDuty.errors.chooseActiveStaff',
    defaultMessage: 'Choose an active staff member',
  },
  overlapping: {
    id: 'onDuty.errors.overlapping',
    defaultMessage:
      'This person already holds this duty for part of that time; end or change that shift first.',
  },
  shiftOver: { id: 'onDuty.errors.shiftOver', defaultMessage: 'This shift is already over.' },
  shiftChanged: {
    id: 'onDuty.errors.shiftChanged',
    defaultMessage: 'Someone else changed this shift meanwhile; here it is as it is now.',
  },
});

function toShift(row: OnDutyShiftRow): OnDutyShift {
  return {
    id: row.id,
    staffMember: { id: row.staffMemberId, name: row.staffName },
    duty: row.duty as OnDutyDuty,
    startsAt: new Date(row.startsAt).toISOString(),
    endsAt: new Date(row.endsAt).toISOString(),
    endedEarlyAt: row.endedAt === null ? null : new Date(row.endedAt).toISOString(),
    endedByName: row.endedByName,
    onDutyNow: row.onDutyNow,
    version: row.version,
  };
}

const invalidShift = (fieldErrors: FieldError<ErrorMessage>[]) =>
  new DomainError('invalid_input', errors.invalidFields, {
    fieldErrors: fieldErrors.map((error) => ({ ...error, path: `body.${error.path}` })),
  });

/**
 * The on-duty roster: who answers for the program, for which duty, when. Risk signals reach whoever is on duty
 * (alerts/repository.ts routingFacts). Supervisors and administrators add shifts and end them; every change is
 * one audited unit of work, and two overlapping shifts of one person and duty are refused by the database
 * (409), however many add them at once.
 */
export function onDutyService(records: RecordKernel, repository: OnDutyRepository) {
  const { db } = records;

  async function one(organizationId: string, shiftId: string): Promise<OnDutyShift> {
    const row = await repository.find(db, organizationId, shiftId);
    if (row === undefined) throw new DomainError('not_found', errors.noSuchShift);
    return toShift(row);
  }

  return {
    async current(context: RecordContext): Promise<OnDutyShift[]> {
      return (await repository.current(db, organizationOf(context))).map(toShift);
    },

    async add(context: RecordContext, shift: OnDutyShiftCreate): Promise<OnDutyShift> {
      const organizationId = organizationOf(context);
      const shiftId = await records.write(
        context,
        async ({ trx, audit, clock }) => {
          const staffMember = await repository.staffMember(trx, organizationId, shift.staffMemberId);
          if (staffMember === undefined || !staffMember.active) {
            throw invalidShift([{ path: 'staffMemberId', message: errors.chooseActiveStaff }]);
          }
          const startsAt = new Date(shift.startsAt);
          const endsAt = new Date(shift.endsAt);
          const refusals = onDutyShiftRefusals(
            { duty: shift.duty, jobRole: staffMember.jobRole as StaffRole, startsAt, endsAt },
            (await clock()).now,
          );
          if (refusals.length > 0) throw invalidShift(refusals);
          const id = await repository.insert(trx, {
            organizationId,
            staffMemberId: shift.staffMemberId,
            duty: shift.duty,
            startsAt,
            endsAt,
            createdByUserId: context.principal.userId,
          });
          audit({
            resourceType: 'on_duty_shift',
            resourceId: id,
            fieldsChanged: ['staffMemberId', 'duty', 'startsAt', 'endsAt'],
          });
          return id;
        },
        {
          conflicts: {
            on_duty_shifts_no_overlap: {
              message: errors.overlapping,
            },
          },
        },
      );
      return one(organizationId, shiftId);
    },

    async end(context: RecordContext, shiftId: string, version: number): Promise<OnDutyShift> {
      const organizationId = organizationOf(context);
      await records.write(context, async ({ trx, audit, clock }) => {
        const row = await repository.find(trx, organizationId, shiftId);
        if (row === undefined) throw new DomainError('not_found', errors.noSuchShift);
        const current = () => one(organizationId, shiftId);
        if (row.endedAt !== null || new Date(row.endsAt).getTime() <= (await clock()).now.getTime()) {
          throw new Refusal('conflict', errors.shiftOver, { current });
        }
        if (!(await repository.end(trx, organizationId, shiftId, version, context.principal.userId))) {
          staleVersion(errors.shiftChanged, current);
        }
        audit({ resourceType: 'on_duty_shift', resourceId: shiftId, fieldsChanged: ['endedAt'] });
      });
      return one(organizationId, shiftId);
    },
  };
}

export type OnDutyService = ReturnType<typeof onDutyService>;
