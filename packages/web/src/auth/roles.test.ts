import { roles } from '@tandem/core/identity/roles';
import { describe, expect, it } from 'vitest';
import { isPortalRole } from './roles.ts';

describe('isPortalRole', () => {
  it('sends patients and family members to the portal and every staff role to the workspace', () => {
    expect(roles.filter(isPortalRole)).toEqual(['patient', 'family_member']);
  });
});
