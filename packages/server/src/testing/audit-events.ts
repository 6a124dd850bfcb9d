import type { NewAuditEvent } from '../audit/repository.ts';

/** A plain, allowed read event for tests; `index` makes each one's resource distinct. */
export function readEvent(index: number, patientId: string | null = null): NewAuditEvent {
  return {
    actorUserId: null,
    actorRole: 'clinician',
    patientId,
    action: 'read',
    resourceType: 'patient',
    resourceId: `r-${index}`,
    fieldsChanged: null,
    ipAddress: '192.0.2.1',
    userAgent: 'vitest',
    outcome: 'allowed',
    reason: null,
  };
}
