import type { AlertKind } from '@tandem/core';
import type { UnitOfWork } from '../records/unit-of-work.ts';
import type { AlertRepository } from './repository.ts';

export interface AlertSource {
  kind: AlertKind;
  sourceType: string;
  sourceKey: string;
}

/**
 * Resolves the open alert that `source` raised, inside the unit of work that did what the alert asked for (a
 * break-the-glass review recorded, an intake item completed): the work and the alert's closing commit or roll
 * back together, and the closing is audited. The acting person resolves it with `resolution` as what was done.
 * Returns the alert's id, or undefined when none was open.
 */
export async function resolveAlertOf(
  unit: UnitOfWork,
  repository: AlertRepository,
  source: AlertSource,
  resolution: string,
): Promise<string | undefined> {
  const resolved = await repository.resolveOpenFromSource(
    unit.trx,
    { organizationId: unit.organizationId, ...source },
    { userId: unit.context.principal.userId, text: resolution },
  );
  if (resolved === undefined) return undefined;
  unit.audit({
    action: 'update',
    patientId: resolved.patientId,
    resourceType: 'alert',
    resourceId: resolved.id,
    fieldsChanged: ['resolvedAt', 'resolution'],
  });
  return resolved.id;
}
