import { DomainError, mayCompleteIntakeItem } from '@tandem/core';
import { type AlertRepository, alertRepository } from '../alerts/repository.ts';
import { resolveAlertOf } from '../alerts/resolve-alert.ts';
import { withValues } from '../i18n/error-message.ts';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import { Refusal, staleVersion, violatedConstraint } from '../records/refusal.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import { episodeRepository } from './episode-repository.ts';
import { invalidBody } from './episode-validation.ts';
import { admissionErrors } from './errors.ts';
import { intakeItemSource } from './intake-overdue-alerts.ts';
import { intakeRepository } from './intake-repository.ts';
import type {
  EpisodeIntakeItem,
  IntakeChecklistItem,
  IntakeChecklistItemCreate,
  IntakeChecklistItemUpdate,
  IntakeCompletion,
  OverdueIntakeItem,
} from './intake-schemas.ts';

/** A key from a label: "Program orientation" is program_orientation. */
export function keyFromLabel(label: string): string {
  const key = label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 63);
  return key === '' ? 'item' : key;
}

/** What an overdue alert says was done when its item is completed. */
const completedResolution = (completedOn: string) => `Intake item completed (dated ${completedOn}).`;

/**
 * The organization's intake checklist (administrators) and each episode's ticks (every staff role). Completing
 * an item resolves its open `intake_item_overdue` alert in the same unit of work.
 */
export function intakeService(records: RecordKernel, alerts: AlertRepository = alertRepository(records.db)) {
  const repository = intakeRepository(records.db);
  const episodes = episodeRepository(records.db);

  async function checklist(organizationId: string, episodeId: string): Promise<EpisodeIntakeItem[]> {
    return repository.episodeChecklist(organizationId, episodeId);
  }

  return {
    async items(organizationId: string): Promise<IntakeChecklistItem[]> {
      await repository.ensureDefaults(organizationId);
      return repository.listItems(organizationId);
    },

    async addItem(context: RecordContext, item: IntakeChecklistItemCreate): Promise<IntakeChecklistItem> {
      return records.write(context, async ({ trx, organizationId, audit }) => {
        await repository.ensureDefaults(organizationId, trx);
        const key = item.key ?? keyFromLabel(item.label);
        const created = await repository
          .insertItem(trx, organizationId, {
            key,
            label: item.label,
            dueWithinDays: item.dueWithinDays,
            position: item.position ?? 100,
            active: item.active,
            kind: item.kind,
          })
          .catch((error: unknown) => {
            // A field error, not a conflict: the administrator chose a key (or a label) the checklist has.
            if (violatedConstraint(error) === 'intake_checklist_items_organization_id_key_key') {
              throw invalidBody([
                {
                  path: item.key === undefined ? 'label' : 'key',
                  message: admissionErrors.checklistHasItem,
                },
              ]);
            }
            throw error;
          });
        audit({
          resourceType: 'intake_checklist_item',
          resourceId: created.id,
          fieldsChanged: Object.keys(item),
        });
        return created;
      });
    },

    async updateItem(
      context: RecordContext,
      itemId: string,
      change: IntakeChecklistItemUpdate,
    ): Promise<IntakeChecklistItem> {
      const organizationId = organizationOf(context);
      return records.write(context, async ({ trx, audit }) => {
        const row = await repository.updateItem(trx, organizationId, itemId, change);
        if (row === undefined) {
          const current = await repository.findItem(organizationId, itemId, trx);
          if (current === undefined) throw new DomainError('not_found', admissionErrors.noSuchChecklistItem);
          staleVersion(admissionErrors.staleChecklistItem, async () => current);
        }
        const { version: _version, ...fields } = change;
        audit({
          resourceType: 'intake_checklist_item',
          resourceId: itemId,
          fieldsChanged: Object.keys(fields),
        });
        return row;
      });
    },

    async episodeChecklist(
      organizationId: string,
      patientId: string,
      episodeId: string,
    ): Promise<EpisodeIntakeItem[]> {
      const active = await episodes.listEpisodes(organizationId, patientId, episodeId);
      if (active.length === 0) throw new DomainError('not_found', admissionErrors.noSuchEpisode);
      return checklist(organizationId, episodeId);
    },

    /** Ticks an item of an episode (again: changes the date and note), or unticks it with `completion` null. */
    async tick(
      context: RecordContext,
      patientId: string,
      episodeId: string,
      itemId: string,
      completion: IntakeCompletion | null,
    ): Promise<EpisodeIntakeItem[]> {
      const organizationId = organizationOf(context);
      await records.write(context, async (unit) => {
        const { trx, audit, today } = unit;
        const episode = await episodes.lockEpisode(trx, organizationId, patientId, episodeId);
        if (episode === undefined) throw new DomainError('not_found', admissionErrors.noSuchEpisode);
        const item = await repository.findItem(organizationId, itemId, trx);
        if (item === undefined) throw new DomainError('not_found', admissionErrors.noSuchChecklistItem);
        // Decided in core: the front desk keeps the paperwork, not the clinical items (nor their alerts).
        if (!mayCompleteIntakeItem(context.principal.role, item.kind)) {
          throw new Refusal('forbidden', admissionErrors.clinicalItemsOnly, {
            deniedAttempt: {
              resourceType: 'intake_checklist',
              resourceId: itemId,
              fieldsChanged: ['completedOn'],
            },
          });
        }
        if (completion === null) {
          await repository.uncomplete(trx, organizationId, episodeId, itemId);
        } else {
          const programToday = await today();
          if (completion.completedOn < episode.admittedOn || completion.completedOn > programToday) {
            throw invalidBody([
              {
                path: 'completedOn',
                message: withValues(admissionErrors.completionDate, {
                  admittedOn: episode.admittedOn,
                  today: programToday,
                }),
              },
            ]);
          }
          await repository.complete(trx, {
            organizationId,
            episodeId,
            itemId,
            completedOn: completion.completedOn,
            completedByUserId: context.principal.userId,
            note: completion.note === undefined || completion.note === '' ? null : completion.note,
          });
          // Done is what the overdue alert asked for: it closes for everyone it was routed to.
          await resolveAlertOf(
            unit,
            alerts,
            { kind: 'intake_item_overdue', ...intakeItemSource(episodeId, itemId) },
            completedResolution(completion.completedOn),
          );
        }
        audit({
          resourceType: 'intake_checklist',
          resourceId: itemId,
          fieldsChanged: completion === null ? ['completedOn'] : Object.keys(completion),
        });
      });
      return checklist(organizationId, episodeId);
    },

    async overdue(context: RecordContext, limit: number): Promise<OverdueIntakeItem[]> {
      return repository.overdue(organizationOf(context), context.principal.userId, limit);
    },
  };
}

export type IntakeService = ReturnType<typeof intakeService>;
