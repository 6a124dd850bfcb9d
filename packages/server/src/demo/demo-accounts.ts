import type { Role, UiLanguage } from '@tandem/core';

/** The demo organization's sign-ins. Synthetic people only; printed at start and listed in the README. */
export const demoOrganization = { name: 'Demo Recovery Center', slug: 'demo-recovery-center' } as const;
export const demoPassword = 'tandem-demo-2026';

/**
 * The demo organization requires two-step verification of administrators; the demo admin is enrolled with this
 * fixed authenticator secret, printed at start (as an otpauth:// URI and a base32 setup key). Demo only: a real
 * enrolment draws a random secret.
 */
export const demoTwoFactorRoles: readonly Role[] = ['admin'];
export const demoTotpSecret = 'tandem-demo-admin-totp-2026-0001';

export interface DemoAccount {
  role: Role;
  name: string;
  email: string;
  /** The language the person chose; without one they follow their patient record, else the organization. */
  language?: UiLanguage;
}

export const demoAccounts: readonly DemoAccount[] = [
  { role: 'admin', name: 'Alex Admin', email: 'admin@demo.tandem.test' },
  { role: 'clinician', name: 'Dr. Casey Rivera', email: 'clinician@demo.tandem.test' },
  { role: 'prescriber', name: 'Dr. Priya Natarajan', email: 'prescriber@demo.tandem.test' },
  { role: 'front_desk', name: 'Frankie Desk', email: 'frontdesk@demo.tandem.test' },
  { role: 'supervisor', name: 'Dr. Sam Okafor', email: 'supervisor@demo.tandem.test' },
  { role: 'patient', name: 'Pat Example', email: 'patient@demo.tandem.test' },
  { role: 'family_member', name: 'Jordan Example', email: 'family@demo.tandem.test' },
  // Who read Tandem in Spanish: a patient whose record prefers Spanish, and her mother, who chose it.
  { role: 'patient', name: 'Lucía Morales', email: 'lucia@demo.tandem.test' },
  { role: 'family_member', name: 'Rosa Morales', email: 'rosa@demo.tandem.test', language: 'es' },
];

/** The demo's Spanish-reading patient and family member. */
export const spanishDemoPatient = 'lucia@demo.tandem.test';
export const spanishDemoFamilyMember = 'rosa@demo.tandem.test';

export function demoAccountFor(role: Role): DemoAccount {
  const account = demoAccounts.find((candidate) => candidate.role === role);
  if (account === undefined) throw new Error(`No demo account for ${role}`);
  return account;
}
