import { defineMessages } from '@formatjs/intl';
import { DomainError, englishOf } from '@tandem/core';
import { type AlertRepository, alertRepository } from '../alerts/repository.ts';
import { resolveAlertOf } from '../alerts/resolve-alert.ts';
import { breakGlassReviewSource } from '../patients/break-glass.ts';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import { Refusal, staleVersion } from '../records/refusal.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import { breakGlassGrantRepository } from './repository.ts';
import type { BreakGlassGrantEntry, BreakGlassReview } from './schemas.ts';

const errors = defineMessages({
  noSuchAccess: {
    id: 'auditLog.errors.noSuchBreakGlassAccess',
    defaultMessage: 'No such break-the-glass access.',
  },
  ownAccess: {
    id: 'auditLog.errors.ownBreakGlassAccess',
    defaultMessage: 'Nobody reviews their own emergency access; another supervisor reviews it.',
  },
  alreadyReviewed: {
    id: 'auditLog.errors.alreadyReviewed',
    defaultMessage: 'This emergency access has already been reviewed.',
  },
  reviewChanged: {
    id: 'auditLog.errors.reviewChanged',
    defaultMessage: 'Someone else changed this review; look at their change.',
  },
});

const reviewedFields = ['reviewedByUserId', 'reviewedAt', 'reviewNote'] as const;

/** What the review's alert says was done: the reviewer's note, within what an alert's resolution holds. */
const resolutionOf = (note: string) => `Access reviewed: ${note}`.slice(0, 4000);

/**
 * A supervisor's review of one break-the-glass access: the note, who and when, written with its audit event in
 * one unit of work, which also resolves the grant's `break_glass_review` alert for everyone it was routed to.
 * Nobody reviews their own emergency access (that refusal is audited), a grant is reviewed once, and a stale
 * version gets 409 with the current grant.
 */
export async function reviewBreakGlassGrant(
  records: RecordKernel,
  context: RecordContext,
  grantId: string,
  review: BreakGlassReview,
  alerts: AlertRepository = alertRepository(records.db),
): Promise<BreakGlassGrantEntry> {
  const organizationId = organizationOf(context);
  const { userId } = context.principal;
  const grants = breakGlassGrantRepository(records.db);
  const current = async (): Promise<BreakGlassGrantEntry> => {
    const grant = await grants.find(organizationId, grantId);
    if (grant === undefined) throw new DomainError('not_found', errors.noSuchAccess);
    return grant;
  };
  // The review concerns this patient's record: it belongs in the patient's audit history.
  const change = { resourceType: 'break_glass_grant', resourceId: grantId, action: 'review' } as const;

  const grant = await grants.findForReview(organizationId, grantId);
  if (grant === undefined) throw new DomainError('not_found', errors.noSuchAccess);
  if (grant.userId === userId) {
    const reason = englishOf(errors.ownAccess);
    await records.write(context, async ({ audit }) =>
      audit({ ...change, fieldsChanged: null, patientId: grant.patientId, outcome: 'denied', reason }),
    );
    throw new DomainError('forbidden', errors.ownAccess);
  }

  await records.write(context, async (unit) => {
    const { trx, audit } = unit;
    const locked = breakGlassGrantRepository(trx);
    const facts = await locked.findForReview(organizationId, grantId, { lock: true });
    if (facts === undefined) throw new DomainError('not_found', errors.noSuchAccess);
    if (facts.reviewedAt !== null) {
      throw new Refusal('conflict', errors.alreadyReviewed, { current });
    }
    if (facts.version !== review.version) {
      staleVersion(errors.reviewChanged, current);
    }
    await locked.recordReview(organizationId, grantId, {
      reviewerUserId: userId,
      note: review.note,
      version: review.version,
    });
    audit({ ...change, fieldsChanged: reviewedFields, patientId: facts.patientId });
    await resolveAlertOf(unit, alerts, breakGlassReviewSource(grantId), resolutionOf(review.note));
  });
  return current();
}

/**
 * One break-the-glass access, for the supervisor its review alert was routed to (or anyone who reads the
 * reviews): 404 when the organization has no such grant, exactly as for another organization's.
 */
export async function breakGlassGrant(
  records: RecordKernel,
  context: RecordContext,
  grantId: string,
): Promise<BreakGlassGrantEntry> {
  const grant = await breakGlassGrantRepository(records.db).find(organizationOf(context), grantId);
  if (grant === undefined) throw new DomainError('not_found', errors.noSuchAccess);
  return grant;
}
