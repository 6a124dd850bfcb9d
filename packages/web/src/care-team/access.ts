import { decideAccess } from '@tandem/core/access/policy';
import {
  decideRecordRead,
  type RecordAccessFacts,
  type RecordViewer,
  relationshipToRecord,
} from '../patients/access.ts';

/**
 * What the care team panel may offer, asked of the access policy the server enforces: the care team's
 * therapist or case manager, or any supervisor, changes the team; therapist matching reads the episode, which is
 * clinical (the care team, or a supervisor through a clinician they supervise).
 */
export function mayChangeCareTeam(viewer: RecordViewer, record: RecordAccessFacts, now: Date): boolean {
  return decideAccess({
    principal: { userId: 'self', organizationId: 'own', role: viewer.role },
    request: { action: 'update', resource: 'care_team', organizationId: 'own' },
    relationship: relationshipToRecord(viewer, record, now),
    now,
  }).allowed;
}

export function maySeeTherapistSuggestions(
  viewer: RecordViewer,
  record: RecordAccessFacts,
  now: Date,
): boolean {
  return decideRecordRead(viewer, record, 'episode_of_care', now).allowed;
}
