import { DomainError } from '@tandem/core';
import type { Kysely } from 'kysely';
import { appendAuditEvents } from '../audit/repository.ts';
import type { DB } from '../db/schema.generated.ts';
import type { WriteAudit } from '../http/authorization.ts';
import type { Principal } from '../identity/principal.ts';
import { breakGlassGrantRepository } from './repository.ts';
import type { BreakGlassGrantEntry, BreakGlassReview } from './schemas.ts';

const reviewedFields = ['reviewedByUserId', 'reviewedAt', 'reviewNote'] as const;

/**
 * A supervisor's review of one break-the-glass access: the note, who and when, written with its audit event in
 * one transaction. Nobody reviews their own emergency access (that refusal is audited), a grant is reviewed once,
 * and a stale version gets 409 with the current grant.
 */
export async function reviewBreakGlassGrant(
  db: Kysely<DB>,
  principal: Principal,
  grantId: string,
  review: BreakGlassReview,
  audit: WriteAudit,
): Promise<BreakGlassGrantEntry> {
  const organizationId = principal.organizationId;
  const change = { resourceType: 'break_glass_grant', resourceId: grantId, fieldsChanged: null };
  const grant = await breakGlassGrantRepository(db).findForReview(organizationId, grantId);
  if (grant === undefined) throw new DomainError('not_found', 'No such break-the-glass access.');
  if (grant.userId === principal.userId) {
    const reason = 'Nobody reviews their own emergency access; another supervisor reviews it.';
    await db
      .transaction()
      .execute((trx) =>
        appendAuditEvents(trx, organizationId, [
          { ...audit(change), action: 'review', patientId: grant.patientId, outcome: 'denied', reason },
        ]),
      );
    throw new DomainError('forbidden', reason);
  }

  const outcome = await db.transaction().execute(async (trx) => {
    const grants = breakGlassGrantRepository(trx);
    const locked = await grants.findForReview(organizationId, grantId, { lock: true });
    if (locked === undefined) return 'gone' as const;
    if (locked.reviewedAt !== null) return 'already_reviewed' as const;
    if (locked.version !== review.version) return 'stale' as const;
    await grants.recordReview(organizationId, grantId, {
      reviewerUserId: principal.userId,
      note: review.note,
      version: review.version,
    });
    // The review concerns this patient's record: it belongs in the patient's audit history.
    await appendAuditEvents(trx, organizationId, [
      {
        ...audit({ ...change, fieldsChanged: reviewedFields }),
        action: 'review',
        patientId: locked.patientId,
      },
    ]);
    return 'reviewed' as const;
  });

  const current = await breakGlassGrantRepository(db).find(organizationId, grantId);
  if (outcome === 'gone' || current === undefined) {
    throw new DomainError('not_found', 'No such break-the-glass access.');
  }
  if (outcome === 'already_reviewed') {
    throw new DomainError('conflict', 'This emergency access has already been reviewed.', {
      details: { current },
    });
  }
  if (outcome === 'stale') {
    throw new DomainError('version_conflict', 'Someone else changed this review; look at their change.', {
      details: { current },
    });
  }
  return current;
}
