import type { Role, UiLanguage } from '@tandem/core';

/** Who is making a request, in which organization and with which role. */
export interface Principal {
  userId: string;
  sessionId: string;
  name: string;
  email: string;
  organizationId: string;
  role: Role;
  staffMemberId: string | null;
  /** The language the person reads Tandem in: what the API's errors are written in for them. */
  language: UiLanguage;
  /** Two-step verification: whether the person uses it, and whether the organization requires it of the role. */
  twoFactor?: { enabled: boolean; required: boolean };
  /** When the session ends however active it is (absolute lifetime). */
  sessionExpiresAt?: Date;
}

/** Required of the role but not set up yet: the API allows only enrolment and sign-out until it is. */
export function mustEnrolTwoFactor(principal: Principal): boolean {
  return principal.twoFactor?.required === true && !principal.twoFactor.enabled;
}
