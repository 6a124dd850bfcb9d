import type { InvitationKind } from '@tandem/core/invitations/invitation';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.generated.ts';

/**
 * Records a route names by their own id whose access depends on what they are, not only on whose they are: an
 * invitation is the staff directory's (a staff member's), or on a patient's record (the patient's own, or a
 * support contact's). The authorization hook finds here what the record is and the patient it belongs to, then
 * asks the policy about the resource that kind stands for (core: invitationAccessResource).
 */
export const recordTargetKinds = ['invitation'] as const;
export type RecordTargetKind = (typeof recordTargetKinds)[number];

export interface RecordTarget {
  kind: 'invitation';
  invitationKind: InvitationKind;
  /** The patient whose record it is on; null for a staff member's invitation. */
  patientId: string | null;
}

/** The record in this organization, or undefined when there is none here (another organization's included). */
export async function recordTarget(
  db: Kysely<DB>,
  kind: RecordTargetKind,
  organizationId: string,
  recordId: string,
): Promise<RecordTarget | undefined> {
  switch (kind) {
    case 'invitation': {
      const row = await db
        .selectFrom('invitations')
        .select(['kind', 'patientId'])
        .where('organizationId', '=', organizationId)
        .where('id', '=', recordId)
        .executeTakeFirst();
      return row === undefined
        ? undefined
        : { kind, invitationKind: row.kind as InvitationKind, patientId: row.patientId };
    }
  }
}
