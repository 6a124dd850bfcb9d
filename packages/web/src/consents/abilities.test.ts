import { describe, expect, it } from 'vitest';
import { consentAbilities } from './abilities.ts';

const now = new Date('2026-03-10T18:00:00Z');
const record = (role: 'primary_therapist' | 'prescriber', basis = 'organization_role') => ({
  careTeam: [{ staffMemberId: 'me', role }],
  access: { basis, breakGlassExpiresAt: null },
});

describe('consentAbilities', () => {
  it('lets the primary therapist record, revoke, print releases and edit support contacts', () => {
    expect(
      consentAbilities({ role: 'clinician', staffMemberId: 'me' }, record('primary_therapist'), now),
    ).toEqual({
      recordConsent: true,
      revokeConsent: true,
      printRelease: true,
      editSupportContacts: true,
    });
  });

  it('offers a prescriber on the team none of them, and a patient only revocation', () => {
    expect(consentAbilities({ role: 'prescriber', staffMemberId: 'me' }, record('prescriber'), now)).toEqual({
      recordConsent: false,
      revokeConsent: false,
      printRelease: false,
      editSupportContacts: false,
    });
    const own = { careTeam: [], access: { basis: 'subject', breakGlassExpiresAt: null } };
    expect(consentAbilities({ role: 'patient', staffMemberId: null }, own, now)).toEqual({
      recordConsent: false,
      revokeConsent: true,
      printRelease: false,
      editSupportContacts: false,
    });
  });
});
