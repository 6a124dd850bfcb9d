import { describe, expect, it } from 'vitest';
import { isStaffRole, roleLabels, roles } from './roles.ts';

describe('roles', () => {
  it('tells staff from portal users', () => {
    expect(isStaffRole('clinician')).toBe(true);
    expect(isStaffRole('front_desk')).toBe(true);
    expect(isStaffRole('patient')).toBe(false);
    expect(isStaffRole('family_member')).toBe(false);
  });

  it('labels every role', () => {
    for (const role of roles) expect(roleLabels[role]).toMatch(/\w/);
  });
});
