import { defineMessages } from '@formatjs/intl';
import { DomainError, mayBreakGlass } from '@tandem/core';
import { raiseAlert } from '../alerts/raise-alert.ts';
import { type AlertRepository, alertRepository } from '../alerts/repository.ts';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import { type BreakGlassRepository, breakGlassRepository } from './break-glass-repository.ts';

/** The alert source of one break-the-glass grant: its review resolves it (audit-log/break-glass-review.ts). */
export const breakGlassReviewSource = (grantId: string) =>
  ({ kind: 'break_glass_review', sourceType: 'break_glass_grant', sourceKey: grantId }) as const;

const longestSummary = 500;

const errors = defineMessages({
  noSuchPatient: { id: 'patients.errors.noSuchPatient', defaultMessage: 'No such patient.' },
});

/**
 * Break-the-glass: a clinician outside the care team opens a record in an emergency. The grant, its audit event
 * (outcome break_glass, with the reason) and the `break_glass_review` alert that asks a supervisor to review it are
 * written in one unit of work: no grant without its review, no review of a grant that rolled back. The alert goes
 * to the supervisors of the patient's primary therapist, else every supervisor, else the administrators, and never
 * to the grantee. A refusal is audited too.
 */
export function breakGlassService(
  records: RecordKernel,
  repository: BreakGlassRepository = breakGlassRepository(),
  alerts: AlertRepository = alertRepository(records.db),
) {
  return {
    async open(
      context: RecordContext,
      patientId: string,
      reason: string,
    ): Promise<{ grantId: string; expiresAt: string }> {
      const organizationId = organizationOf(context);
      const { userId, role, name } = context.principal;
      const facts = await repository.accessFacts(records.db, organizationId, userId, patientId);
      if (facts === undefined) throw new DomainError('not_found', errors.noSuchPatient);
      const decision = mayBreakGlass({ userId, organizationId, role }, organizationId, facts.relationship);
      const attempt = { resourceType: 'break_glass_grant', action: 'break_glass', patientId } as const;
      if (!decision.allowed) {
        // The refusal is committed on its own: the request fails, its trace stays.
        await records.write(context, async ({ audit }) => {
          audit({
            ...attempt,
            resourceId: null,
            fieldsChanged: null,
            outcome: 'denied',
            reason: decision.reason,
          });
        });
        throw new DomainError('forbidden', decision.message);
      }
      return records.write(context, async (unit) => {
        const grant = await repository.insertGrant(unit.trx, { organizationId, patientId, userId, reason });
        unit.audit({ ...attempt, resourceId: grant.id, fieldsChanged: null, outcome: 'break_glass', reason });
        // Raising it may refuse (a program with nobody to review): the grant then rolls back with it.
        await raiseAlert(unit, alerts, {
          ...breakGlassReviewSource(grant.id),
          patientId,
          summary: `${name} opened this record by break-the-glass: ${reason}`.slice(0, longestSummary),
        });
        return { grantId: grant.id, expiresAt: grant.expiresAt.toISOString() };
      });
    },
  };
}

export type BreakGlassService = ReturnType<typeof breakGlassService>;
