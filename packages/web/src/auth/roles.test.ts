import { describe, expect, it } from 'vitest';
import { isPortalRole, seesStaffDirectory } from './roles.ts';

describe('navigation by role', () => {
  it('offers the staff directory to every staff role and to nobody in the portal', () => {
    for (const role of ['admin', 'clinician', 'prescriber', 'front_desk', 'supervisor'] as const) {
      expect(seesStaffDirectory(role)).toBe(true);
      expect(isPortalRole(role)).toBe(false);
    }
    for (const role of ['patient', 'family_member'] as const) {
      expect(seesStaffDirectory(role)).toBe(false);
      expect(isPortalRole(role)).toBe(true);
    }
  });
});
