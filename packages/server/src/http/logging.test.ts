import { describe, expect, it } from 'vitest';
import { redactPathSecrets } from './logging.ts';

describe('redactPathSecrets', () => {
  const token = 'q3Xv9_0aZ-7mN2pL5sK8dF1gH4jR6tY0uI2oP9wE3cB';

  it('hides an invitation token in the web page and the API paths', () => {
    expect(redactPathSecrets(`/invitations/${token}`)).toBe('/invitations/:token');
    expect(redactPathSecrets(`/api/invitations/${token}`)).toBe('/api/invitations/:token');
    expect(redactPathSecrets(`/api/invitations/${token}/accept`)).toBe('/api/invitations/:token/accept');
  });

  it('hides a password reset token in the web page path', () => {
    expect(redactPathSecrets(`/reset-password/${token}`)).toBe('/reset-password/:token');
    expect(redactPathSecrets('/api/auth/reset-password')).toBe('/api/auth/reset-password');
  });

  it('hides a truncated or mistyped token too', () => {
    expect(redactPathSecrets(`/api/invitations/${token.slice(0, 40)}`)).toBe('/api/invitations/:token');
    expect(redactPathSecrets('/invitations/x')).toBe('/invitations/:token');
  });

  it('keeps ids, the API’s fixed words and every other path as they are', () => {
    const id = '01900000-0000-7000-8000-000000000000';
    expect(redactPathSecrets(`/api/invitations/${id}/revoke`)).toBe(`/api/invitations/${id}/revoke`);
    expect(redactPathSecrets('/api/invitations/staff')).toBe('/api/invitations/staff');
    expect(redactPathSecrets('/api/invitations/staff-candidates')).toBe('/api/invitations/staff-candidates');
    expect(redactPathSecrets('/api/invitations')).toBe('/api/invitations');
    expect(redactPathSecrets(`/api/patients/${id}/invitation`)).toBe(`/api/patients/${id}/invitation`);
    expect(redactPathSecrets('/api/staff')).toBe('/api/staff');
  });
});
