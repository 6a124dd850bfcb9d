import { describe, expect, it } from 'vitest';
import { careTeamRoles } from '../access/resources.ts';
import { staffRoles } from '../identity/roles.ts';
import { jobRolesForCareTeamPlace, mayHoldCareTeamPlace } from './places.ts';

describe('care team places', () => {
  it('never gives a place to an administrator or front desk staff', () => {
    for (const place of careTeamRoles) {
      expect(mayHoldCareTeamPlace('admin', place)).toBe(false);
      expect(mayHoldCareTeamPlace('front_desk', place)).toBe(false);
    }
  });

  it('keeps prescribing for prescribers and supervision for supervisors', () => {
    expect(staffRoles.filter((job) => mayHoldCareTeamPlace(job, 'prescriber'))).toEqual(['prescriber']);
    expect(staffRoles.filter((job) => mayHoldCareTeamPlace(job, 'supervisor'))).toEqual(['supervisor']);
    expect(jobRolesForCareTeamPlace.primary_therapist).toEqual(['clinician', 'supervisor']);
  });
});
