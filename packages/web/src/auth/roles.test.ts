import { describe, expect, it } from 'vitest';
import {
  isPortalRole,
  reviewsBreakGlass,
  seesAuditLog,
  seesPatientList,
  seesStaffDirectory,
} from './roles.ts';

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

  it('offers the audit view to administrators and supervisors, its break-the-glass reviews to supervisors', () => {
    const all = [
      'admin',
      'clinician',
      'prescriber',
      'front_desk',
      'supervisor',
      'patient',
      'family_member',
    ] as const;
    expect(all.filter(seesAuditLog)).toEqual(['admin', 'supervisor']);
    expect(all.filter(reviewsBreakGlass)).toEqual(['supervisor']);
    expect(all.filter(seesPatientList)).toEqual([
      'admin',
      'clinician',
      'prescriber',
      'front_desk',
      'supervisor',
    ]);
  });
});
