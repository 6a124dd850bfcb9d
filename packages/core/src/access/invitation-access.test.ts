import { describe, expect, it } from 'vitest';
import { invitationAccessResource } from './invitation-access.ts';

describe('invitationAccessResource', () => {
  it('puts a staff invitation under the staff directory, whatever is done with it', () => {
    for (const action of ['read', 'create', 'update'] as const) {
      expect(invitationAccessResource('staff', action)).toEqual({
        resource: 'staff_directory',
        action: 'create',
      });
    }
  });

  it('puts a patient’s invitation on their record as a portal invitation', () => {
    expect(invitationAccessResource('patient', 'create')).toEqual({
      resource: 'portal_invitation',
      action: 'create',
    });
    expect(invitationAccessResource('patient', 'update')).toMatchObject({ resource: 'portal_invitation' });
  });

  it('makes a support contact’s invitation a change of the support contacts, read with the portal invitations', () => {
    expect(invitationAccessResource('family_member', 'create')).toEqual({
      resource: 'support_contacts',
      action: 'update',
    });
    expect(invitationAccessResource('family_member', 'update')).toMatchObject({
      resource: 'support_contacts',
    });
    expect(invitationAccessResource('family_member', 'read')).toMatchObject({
      resource: 'portal_invitation',
    });
  });
});
