import { DomainError } from '@tandem/core';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import type { EpisodeRepository, EpisodeState } from './episode-repository.ts';
import { admissionErrors } from './errors.ts';

export const staleEpisodeMessage = admissionErrors.staleEpisode;

/** The episode a write is about to change, its row locked until the unit of work ends; 404 when there is none. */
export async function lockedEpisode(
  repository: EpisodeRepository,
  trx: Transaction<DB>,
  organizationId: string,
  patientId: string,
  episodeId: string,
): Promise<EpisodeState> {
  const state = await repository.lockEpisode(trx, organizationId, patientId, episodeId);
  if (state === undefined) throw new DomainError('not_found', admissionErrors.noSuchEpisode);
  return state;
}
