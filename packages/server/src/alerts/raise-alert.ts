import { defineMessages } from '@formatjs/intl';
import { type AlertKind, alertKindRules, DomainError, routeAlert } from '@tandem/core';
import type { UnitOfWork } from '../records/unit-of-work.ts';
import { alertMail } from './alert-mail.ts';
import type { AlertRepository } from './repository.ts';

const errors = defineMessages({
  nobodyToReceive: {
    id: 'alerts.errors.nobodyToReceive',
    defaultMessage:
      'Nobody in the program can receive this alert: the program needs an active clinical supervisor or administrator.',
  },
});

export interface AlertToRaise {
  kind: AlertKind;
  patientId: string | null;
  /** What the recipients read on their dashboard (inside Tandem only). */
  summary: string;
  /** What raised it: one open alert per kind and source, so raising twice adds nothing. */
  sourceType: string;
  sourceKey: string;
}

/**
 * Raises an alert inside the unit of work of what caused it: if that change rolls back, so does the alert, and
 * if raising the alert fails, so does the change. The alert is routed by its kind's rule (falling back to the
 * supervisors, then the administrators), each recipient gets a message, and the raise is audited. Returns the
 * alert's id, or the id of the same kind's open alert on the same source.
 */
export async function raiseAlert(
  unit: UnitOfWork,
  repository: AlertRepository,
  alert: AlertToRaise,
): Promise<string> {
  const { trx, organizationId } = unit;
  const open = await repository.openAlertId(trx, { organizationId, ...alert });
  if (open !== undefined) return open;
  const raisedBy = unit.context.actor.actorUserId;
  const recipients = routeAlert(
    alert.kind,
    await repository.routingFacts(trx, organizationId, alert.patientId),
    raisedBy,
  );
  if (recipients.length === 0) {
    // Refusing rolls back what raised it too: a risk signal is never recorded where nobody can see it.
    throw new DomainError('conflict', errors.nobodyToReceive);
  }
  const alertId = await repository.insertAlert(trx, {
    organizationId,
    patientId: alert.patientId,
    kind: alert.kind,
    severity: alertKindRules[alert.kind].severity,
    summary: alert.summary,
    sourceType: alert.sourceType,
    sourceKey: alert.sourceKey,
    raisedByUserId: raisedBy,
  });
  await repository.insertRecipients(trx, organizationId, alertId, recipients);
  await repository.queueMessages(
    trx,
    organizationId,
    alertId,
    recipients.map((recipient) => recipient.userId),
    alertMail,
  );
  unit.audit({
    action: 'create',
    patientId: alert.patientId,
    resourceType: 'alert',
    resourceId: alertId,
    fieldsChanged: ['kind', 'severity', 'summary', 'recipients'],
  });
  return alertId;
}
