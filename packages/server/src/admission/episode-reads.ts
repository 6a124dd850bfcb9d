import { DomainError } from '@tandem/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import { episodeRepository } from './episode-repository.ts';
import { admissionErrors } from './errors.ts';
import { intakeRepository } from './intake-repository.ts';
import type { Episode } from './schemas.ts';

/**
 * Episodes as the clinic reads them: the timeline and one episode, each with how far its intake checklist has
 * come. Read through the plain connection: writes answer with them once their unit of work is done.
 */
export function episodeReads(db: Kysely<DB>) {
  const repository = episodeRepository(db);
  const intake = intakeRepository(db);

  async function withIntake(episodes: Omit<Episode, 'intake'>[], organizationId: string): Promise<Episode[]> {
    const summaries = await intake.summaries(
      organizationId,
      episodes.map((episode) => episode.id),
    );
    return episodes.map((episode) => ({
      ...episode,
      intake: summaries.get(episode.id) ?? { total: 0, completed: 0, overdue: 0 },
    }));
  }

  return {
    async timeline(organizationId: string, patientId: string): Promise<Episode[]> {
      return withIntake(await repository.listEpisodes(organizationId, patientId), organizationId);
    },

    async one(organizationId: string, patientId: string, episodeId: string): Promise<Episode> {
      const [episode] = await withIntake(
        await repository.listEpisodes(organizationId, patientId, episodeId),
        organizationId,
      );
      if (episode === undefined) throw new DomainError('not_found', admissionErrors.noSuchEpisode);
      return episode;
    },
  };
}

export type EpisodeReads = ReturnType<typeof episodeReads>;

/** Empty text is no text: optional notes are stored as null. */
export function blank(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}
