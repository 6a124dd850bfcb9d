import { describe, expect, it } from 'vitest';
import { safeRedirectTarget, signInSearch } from './redirect-target.ts';

describe('safeRedirectTarget', () => {
  it('keeps paths inside the app', () => {
    expect(safeRedirectTarget('/staff/0190-abc?tab=1')).toBe('/staff/0190-abc?tab=1');
  });

  it.each([
    undefined,
    '',
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    'javascript:alert(1)',
    '/sign-in',
    '/sign-in?redirect=/staff',
  ])('sends %s to the dashboard', (target) => {
    expect(safeRedirectTarget(target)).toBe('/');
  });
});

describe('signInSearch', () => {
  it('omits the redirect for the dashboard', () => {
    expect(signInSearch('/')).toEqual({});
    expect(signInSearch('/staff')).toEqual({ redirect: '/staff' });
  });
});
