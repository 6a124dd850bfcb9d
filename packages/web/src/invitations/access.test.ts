import { roles } from '@tandem/core/identity/roles';
import { describe, expect, it } from 'vitest';
import { invitesStaff, seesOutbox } from './access.ts';

describe('invitation menus', () => {
  it('offer staff invitations and the outbox to administrators only', () => {
    expect(roles.filter(invitesStaff)).toEqual(['admin']);
    expect(roles.filter(seesOutbox)).toEqual(['admin']);
  });
});
