import { describe, expect, it } from 'vitest';
import { staffRoles } from '../identity/roles.ts';
import { intakeItemRefusal, mayCompleteIntakeItem } from './intake-items.ts';

describe('intakeItemRefusal', () => {
  it('refuses the front desk a clinical item, saying who may', () => {
    expect(intakeItemRefusal('front_desk', 'clinical')).toMatch(/clinical staff/);
    expect(mayCompleteIntakeItem('admin', 'clinical')).toBe(false);
  });

  it('lets clinicians, prescribers and supervisors complete clinical items', () => {
    for (const role of ['clinician', 'prescriber', 'supervisor'] as const) {
      expect(mayCompleteIntakeItem(role, 'clinical')).toBe(true);
    }
  });

  it('lets every staff role complete an administrative item', () => {
    for (const role of staffRoles) expect(mayCompleteIntakeItem(role, 'administrative')).toBe(true);
  });
});
