import { type AccessDecision, type Action, decideAccess, type PatientResource } from '@tandem/core';
import type { Kysely, Transaction } from 'kysely';
import { loadPatientsAccessFacts } from '../access/patient-relationship.ts';
import type { DB } from '../db/schema.generated.ts';
import type { RecordContext } from './record-context.ts';

/** What a record that names several patients may do for each of them. */
export interface EachPatientAccess {
  /** The patients the caller may act on, each with the decision that allowed it (its basis: care team, …). */
  allowed: Map<string, Extract<AccessDecision, { allowed: true }>>;
  /** The patients the policy refused for this caller, with why; the kernel audits each refusal as denied. */
  refused: Map<string, string>;
  /** Ids the organization has no patient for: they look exactly like patients that do not exist. */
  missing: string[];
}

/**
 * Several patients at once, each under their own relationship to the caller: a group session's shared content is
 * a resource of its own, and each attendee's entry is read and written only where the policy allows it for that
 * attendee. One query loads every relationship; the policy decides each patient as it would a route on their
 * record alone.
 */
export async function decideEachPatient(
  executor: Kysely<DB> | Transaction<DB>,
  context: RecordContext,
  patientIds: readonly string[],
  request: { resource: PatientResource; action: Action },
  now: Date,
): Promise<EachPatientAccess> {
  const { principal } = context;
  const unique = [...new Set(patientIds)];
  const facts = await loadPatientsAccessFacts(executor, principal.organizationId, principal.userId, unique);
  const result: EachPatientAccess = { allowed: new Map(), refused: new Map(), missing: [] };
  for (const patientId of unique) {
    const found = facts.get(patientId);
    if (found === undefined) {
      result.missing.push(patientId);
      continue;
    }
    const decision = decideAccess({
      principal: { userId: principal.userId, organizationId: principal.organizationId, role: principal.role },
      request: { ...request, organizationId: principal.organizationId },
      relationship: found.relationship,
      now,
    });
    if (decision.allowed) result.allowed.set(patientId, decision);
    else result.refused.set(patientId, decision.reason);
  }
  return result;
}
