import { defineMessages } from '@formatjs/intl';
import {
  type AlertKind,
  alertStatus,
  DomainError,
  escalationRecipients,
  isDueForEscalation,
} from '@tandem/core';
import { organizationOf, type RecordContext, systemContext } from '../records/record-context.ts';
import { staleVersion } from '../records/refusal.ts';
import type { RecordKernel, UnitOfWork } from '../records/unit-of-work.ts';
import { alertMail } from './alert-mail.ts';
import type { AlertRepository, AlertRow } from './repository.ts';
import type { Alert, AlertResolution } from './schemas.ts';

const errors = defineMessages({
  noSuchAlert: { id: 'alerts.errors.noSuchAlert', defaultMessage: 'No such alert among yours.' },
  answeredMeanwhile: {
    id: 'alerts.errors.answeredMeanwhile',
    defaultMessage: 'Someone else answered this alert meanwhile; here it is as it is now.',
  },
});

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function toAlert(row: AlertRow): Alert {
  const times = {
    raisedAt: new Date(row.raisedAt),
    acknowledgedAt: row.acknowledgedAt === null ? null : new Date(row.acknowledgedAt),
    resolvedAt: row.resolvedAt === null ? null : new Date(row.resolvedAt),
    escalatedAt: row.escalatedAt === null ? null : new Date(row.escalatedAt),
  };
  return {
    id: row.id,
    patientId: row.patientId,
    patientName: row.patientName,
    patientMrn: row.patientMrn,
    kind: row.kind as Alert['kind'],
    severity: row.severity as Alert['severity'],
    status: alertStatus(times),
    summary: row.summary,
    breakGlassGrantId: row.sourceType === 'break_glass_grant' ? row.sourceKey : null,
    raisedAt: times.raisedAt.toISOString(),
    acknowledgedAt: iso(row.acknowledgedAt),
    acknowledgedByName: row.acknowledgedByName,
    resolvedAt: iso(row.resolvedAt),
    resolvedByName: row.resolvedByName,
    resolution: row.resolution,
    escalatedAt: iso(row.escalatedAt),
    version: row.version,
  };
}

/**
 * A person's alerts: the ones routed to them, open until someone records what was done. Acknowledging says "I
 * have it" (and stops the escalation clock for everyone it was routed to); resolving records what was done.
 */
export function alertService(records: RecordKernel, repository: AlertRepository) {
  const { db } = records;

  async function mine(context: RecordContext, alertId: string): Promise<Alert> {
    const row = await repository.oneFor(db, organizationOf(context), alertId, context.principal.userId);
    if (row === undefined) throw new DomainError('not_found', errors.noSuchAlert);
    return toAlert(row);
  }

  async function change(
    context: RecordContext,
    alertId: string,
    apply: (trx: UnitOfWork['trx']) => Promise<boolean>,
    fieldsChanged: string[],
  ): Promise<Alert> {
    const organizationId = organizationOf(context);
    await records.write(context, async ({ trx, audit }) => {
      const before = await repository.oneFor(trx, organizationId, alertId, context.principal.userId);
      if (before === undefined) throw new DomainError('not_found', errors.noSuchAlert);
      if (!(await apply(trx))) {
        staleVersion(errors.answeredMeanwhile, () => mine(context, alertId));
      }
      audit({ patientId: before.patientId, resourceType: 'alert', resourceId: alertId, fieldsChanged });
    });
    return mine(context, alertId);
  }

  /**
   * Escalates the organization's alerts that nobody acknowledged in time to its supervisors (administrators
   * when it has none): they are added as recipients and sent a message, in one audited unit per batch.
   * Returns how many alerts were escalated.
   */
  async function escalateDue(organizationId: string, batch = 50): Promise<number> {
    return records.write(systemContext(organizationId, 'alert-escalation'), async (unit) => {
      const { trx, audit } = unit;
      const clock = await unit.clock();
      const candidates = await repository.dueForEscalation(trx, organizationId, batch);
      const due = candidates.filter((alert) =>
        isDueForEscalation(
          {
            raisedAt: new Date(alert.raisedAt),
            acknowledgedAt: alert.acknowledgedAt === null ? null : new Date(alert.acknowledgedAt),
            resolvedAt: alert.resolvedAt === null ? null : new Date(alert.resolvedAt),
            escalatedAt: alert.escalatedAt === null ? null : new Date(alert.escalatedAt),
          },
          alert.alertEscalationMinutes,
          clock,
        ),
      );
      for (const alert of due) {
        const routed = await repository.recipientIds(trx, organizationId, alert.id);
        const facts = await repository.routingFacts(trx, organizationId, alert.patientId);
        const added = escalationRecipients(facts, routed, {
          kind: alert.kind as AlertKind,
          raisedBy: alert.raisedByUserId,
        });
        await repository.insertRecipients(trx, organizationId, alert.id, added);
        await repository.queueMessages(
          trx,
          organizationId,
          alert.id,
          added.map((recipient) => recipient.userId),
          alertMail,
        );
        await repository.markEscalated(trx, organizationId, alert.id);
        audit({
          action: 'update',
          patientId: alert.patientId,
          resourceType: 'alert',
          resourceId: alert.id,
          fieldsChanged: ['escalatedAt', 'recipients'],
        });
      }
      return due.length;
    });
  }

  return {
    async listMine(context: RecordContext): Promise<Alert[]> {
      const rows = await repository.openFor(db, organizationOf(context), context.principal.userId);
      return rows.map(toAlert);
    },

    mine,
    escalateDue,

    acknowledge: (context: RecordContext, alertId: string, version: number) =>
      change(
        context,
        alertId,
        (trx) =>
          repository.acknowledge(trx, organizationOf(context), alertId, version, context.principal.userId),
        ['acknowledgedAt'],
      ),

    resolve: (context: RecordContext, alertId: string, resolution: AlertResolution) =>
      change(
        context,
        alertId,
        (trx) =>
          repository.resolve(
            trx,
            organizationOf(context),
            alertId,
            resolution.version,
            context.principal.userId,
            resolution.resolution,
          ),
        ['resolvedAt', 'resolution'],
      ),
  };
}

export type AlertService = ReturnType<typeof alertService>;
