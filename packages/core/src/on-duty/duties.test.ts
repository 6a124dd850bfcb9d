import { describe, expect, it } from 'vitest';
import { englishOf } from '../errors/domain-error.ts';
import { type OnDutyDuty, type OnDutyShiftDraft, onDutyJobRoles, onDutyShiftRefusals } from './duties.ts';

const now = new Date('2027-03-01T12:00:00Z');
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);

/** The refusals as an English reader gets them. */
const refusalsOf = (shift: OnDutyShiftDraft, at: Date) =>
  onDutyShiftRefusals(shift, at).map(({ path, message }) => ({ path, message: englishOf(message) }));

describe('onDutyShiftRefusals', () => {
  it('accepts a clinician on call for the coming night', () => {
    expect(
      refusalsOf(
        { duty: 'clinician_on_call', jobRole: 'clinician', startsAt: hours(6), endsAt: hours(18) },
        now,
      ),
    ).toEqual([]);
  });

  it('refuses a duty the job role cannot answer, naming the staff member field', () => {
    expect(
      refusalsOf(
        { duty: 'prescriber_on_call', jobRole: 'front_desk', startsAt: hours(0), endsAt: hours(8) },
        now,
      ),
    ).toEqual([{ path: 'staffMemberId', message: 'Prescriber on call is a duty for a prescriber' }]);
  });

  it('refuses a shift that ends before it starts, lasts over a week or is already over', () => {
    const refused = (startsAt: Date, endsAt: Date) =>
      refusalsOf({ duty: 'supervisor_on_call', jobRole: 'supervisor', startsAt, endsAt }, now);
    expect(refused(hours(8), hours(2))).toEqual([
      { path: 'endsAt', message: 'The shift must end after it starts' },
    ]);
    expect(refused(hours(0), hours(24 * 8))).toEqual([
      { path: 'endsAt', message: 'A shift lasts at most 7 days' },
    ]);
    expect(refused(hours(-10), hours(-1))).toEqual([
      { path: 'endsAt', message: 'The shift would already be over' },
    ]);
  });

  it('names, duty by duty, the job roles that may take it', () => {
    for (const [duty, jobs] of Object.entries(onDutyJobRoles) as [OnDutyDuty, readonly string[]][]) {
      const [refusal] = refusalsOf(
        { duty, jobRole: 'front_desk', startsAt: hours(0), endsAt: hours(8) },
        now,
      );
      expect(refusal?.message).toMatch(new RegExp(`is a duty for a ${jobs.join(' or ')}$`));
    }
  });
});
