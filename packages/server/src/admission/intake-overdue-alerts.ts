import { raiseAlert } from '../alerts/raise-alert.ts';
import type { AlertRepository } from '../alerts/repository.ts';
import { systemContext } from '../records/record-context.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import { overdueIntakeWithoutAlert } from './intake-repository.ts';

/** The alert source of one checklist item of one episode. */
export const intakeItemSource = (episodeId: string, itemId: string) => ({
  sourceType: 'intake_item',
  sourceKey: `${episodeId}:${itemId}`,
});

/**
 * Raises an `intake_item_overdue` alert for every checklist item that passed its due day unfinished (where the
 * program is) and has none open: routed to the patient's primary therapist and case manager, or the supervisors
 * when the patient has neither. One unit of work per organization and batch; returns how many it raised.
 */
export async function raiseOverdueIntakeAlerts(
  records: RecordKernel,
  alerts: AlertRepository,
  organizationId: string,
  batch = 200,
): Promise<number> {
  return records.write(systemContext(organizationId, 'intake-overdue'), async (unit) => {
    const overdue = await overdueIntakeWithoutAlert(unit.trx, organizationId, batch);
    for (const item of overdue) {
      await raiseAlert(unit, alerts, {
        kind: 'intake_item_overdue',
        patientId: item.patientId,
        summary: `${item.itemLabel} was due on ${item.dueOn}.`,
        ...intakeItemSource(item.episodeId, item.itemId),
      });
    }
    return overdue.length;
  });
}
