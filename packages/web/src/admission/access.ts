import { decideAccess } from '@tandem/core/access/policy';
import type { Action, PatientResource } from '@tandem/core/access/resources';
import { type RecordAccessFacts, type RecordViewer, relationshipToRecord } from '../patients/access.ts';

const own = 'own';

/**
 * Whether to offer an admission action (admit, change the level of care, diagnose, tick the checklist), asked of
 * the policy the server enforces; the server still decides every request.
 */
export function mayOnRecord(
  viewer: RecordViewer,
  record: RecordAccessFacts,
  action: Action,
  resource: PatientResource,
  now: Date,
): boolean {
  return decideAccess({
    principal: { userId: 'self', organizationId: own, role: viewer.role },
    request: { action, resource, organizationId: own },
    relationship: relationshipToRecord(viewer, record, now),
    now,
  }).allowed;
}
