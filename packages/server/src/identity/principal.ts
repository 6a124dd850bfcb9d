import type { Role } from '@tandem/core';

/** Who is making a request, in which organization and with which role. */
export interface Principal {
  userId: string;
  sessionId: string;
  name: string;
  email: string;
  organizationId: string;
  role: Role;
  staffMemberId: string | null;
}
