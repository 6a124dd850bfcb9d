import { DomainError, localDateAt } from '@tandem/core';
import type { Kysely } from 'kysely';
import { appendAuditEvents } from '../audit/repository.ts';
import { programClock } from '../consents/repository.ts';
import type { DB } from '../db/schema.generated.ts';
import type { WriteAudit } from '../http/authorization.ts';
import type { Principal } from '../identity/principal.ts';
import { episodeRepository } from './episode-repository.ts';
import { invalidBody } from './episode-validation.ts';
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

/** The organization's intake checklist (administrators) and each episode's ticks (every staff role). */
export function intakeService(db: Kysely<DB>) {
  const repository = intakeRepository(db);
  const episodes = episodeRepository(db);

  async function checklist(organizationId: string, episodeId: string): Promise<EpisodeIntakeItem[]> {
    return repository.episodeChecklist(organizationId, episodeId);
  }

  return {
    async items(organizationId: string): Promise<IntakeChecklistItem[]> {
      await repository.ensureDefaults(organizationId);
      return repository.listItems(organizationId);
    },

    async addItem(
      organizationId: string,
      item: IntakeChecklistItemCreate,
      audit: WriteAudit,
    ): Promise<IntakeChecklistItem> {
      return db.transaction().execute(async (trx) => {
        await repository.ensureDefaults(organizationId, trx);
        const key = item.key ?? keyFromLabel(item.label);
        const created = await repository
          .insertItem(trx, organizationId, {
            key,
            label: item.label,
            dueWithinDays: item.dueWithinDays,
            position: item.position ?? 100,
            active: item.active,
          })
          .catch((error: unknown) => {
            if ((error as { code?: unknown }).code === '23505') {
              throw invalidBody([
                {
                  path: item.key === undefined ? 'label' : 'key',
                  message: 'The checklist already has this item',
                },
              ]);
            }
            throw error;
          });
        await appendAuditEvents(trx, organizationId, [
          audit({
            resourceType: 'intake_checklist_item',
            resourceId: created.id,
            fieldsChanged: Object.keys(item),
          }),
        ]);
        return created;
      });
    },

    async updateItem(
      organizationId: string,
      itemId: string,
      change: IntakeChecklistItemUpdate,
      audit: WriteAudit,
    ): Promise<IntakeChecklistItem> {
      const updated = await db.transaction().execute(async (trx) => {
        const row = await repository.updateItem(trx, organizationId, itemId, change);
        if (row === undefined) return undefined;
        const { version: _version, ...fields } = change;
        await appendAuditEvents(trx, organizationId, [
          audit({
            resourceType: 'intake_checklist_item',
            resourceId: itemId,
            fieldsChanged: Object.keys(fields),
          }),
        ]);
        return row;
      });
      if (updated !== undefined) return updated;
      const current = await repository.findItem(organizationId, itemId);
      if (current === undefined) throw new DomainError('not_found', 'No such checklist item.');
      throw new DomainError(
        'version_conflict',
        'Someone else changed this checklist item; review their change.',
        {
          details: { current },
        },
      );
    },

    async episodeChecklist(
      organizationId: string,
      patientId: string,
      episodeId: string,
    ): Promise<EpisodeIntakeItem[]> {
      const active = await episodes.listEpisodes(organizationId, patientId, episodeId);
      if (active.length === 0) throw new DomainError('not_found', 'No such episode of care.');
      return checklist(organizationId, episodeId);
    },

    /** Ticks an item of an episode (again: changes the date and note), or unticks it with `completion` null. */
    async tick(
      principal: Principal,
      patientId: string,
      episodeId: string,
      itemId: string,
      completion: IntakeCompletion | null,
      audit: WriteAudit,
    ): Promise<EpisodeIntakeItem[]> {
      const { organizationId } = principal;
      await db.transaction().execute(async (trx) => {
        const episode = await episodes.lockEpisode(trx, organizationId, patientId, episodeId);
        if (episode === undefined) throw new DomainError('not_found', 'No such episode of care.');
        const item = await repository.findItem(organizationId, itemId, trx);
        if (item === undefined) throw new DomainError('not_found', 'No such checklist item.');
        if (completion === null) {
          await repository.uncomplete(trx, organizationId, episodeId, itemId);
        } else {
          const clock = await programClock(trx, organizationId);
          const today = localDateAt(clock.now, clock.timeZone);
          if (completion.completedOn < episode.admittedOn || completion.completedOn > today) {
            throw invalidBody([
              {
                path: 'completedOn',
                message: `Choose a date from admission (${episode.admittedOn}) to today (${today})`,
              },
            ]);
          }
          await repository.complete(trx, {
            organizationId,
            episodeId,
            itemId,
            completedOn: completion.completedOn,
            completedByUserId: principal.userId,
            note: completion.note === undefined || completion.note === '' ? null : completion.note,
          });
        }
        await appendAuditEvents(trx, organizationId, [
          audit({
            resourceType: 'intake_checklist',
            resourceId: itemId,
            fieldsChanged: completion === null ? ['completedOn'] : Object.keys(completion),
          }),
        ]);
      });
      return checklist(organizationId, episodeId);
    },

    async overdue(principal: Principal, limit: number): Promise<OverdueIntakeItem[]> {
      return repository.overdue(principal.organizationId, principal.userId, limit);
    },
  };
}
