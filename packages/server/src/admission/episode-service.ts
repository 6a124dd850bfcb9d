import type { RecordContext } from '../records/record-context.ts';
import { organizationOf } from '../records/record-context.ts';
import { staleVersion } from '../records/refusal.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import { admitEpisode } from './admit-episode.ts';
import { changeLevelOfCare } from './change-level-of-care.ts';
import { dischargeEpisode } from './discharge-episode.ts';
import { blank, episodeReads } from './episode-reads.ts';
import { episodeRepository } from './episode-repository.ts';
import { intakeRepository } from './intake-repository.ts';
import { lockedEpisode, staleEpisodeMessage } from './locked-episode.ts';
import type { Episode, EpisodeUpdate } from './schemas.ts';

/**
 * Episodes of care from admission to discharge. Every write is one unit of work of the record kernel: its
 * transaction, its audit events, the program clock read once. Admission, the level-of-care change and discharge
 * have files of their own.
 */
export function episodeService(records: RecordKernel) {
  const repository = episodeRepository(records.db);
  const intake = intakeRepository(records.db);
  const reads = episodeReads(records.db);

  return {
    timeline: reads.timeline,
    one: reads.one,
    admit: admitEpisode(records, repository, intake, reads),
    changeLevelOfCare: changeLevelOfCare(records, repository, reads),
    discharge: dischargeEpisode(records, repository, reads),

    /** Changes the referral, presenting problems or co-occurring conditions at the version the caller saw. */
    async update(
      context: RecordContext,
      patientId: string,
      episodeId: string,
      change: EpisodeUpdate,
    ): Promise<Episode> {
      const organizationId = organizationOf(context);
      const { version, ...fields } = change;
      await records.write(context, async ({ trx, audit }) => {
        await lockedEpisode(repository, trx, organizationId, patientId, episodeId);
        const changed = await repository.updateEpisode(trx, organizationId, episodeId, version, {
          ...fields,
          ...(fields.referralNote === undefined ? {} : { referralNote: blank(fields.referralNote) }),
        });
        if (!changed) {
          staleVersion(staleEpisodeMessage, () => reads.one(organizationId, patientId, episodeId));
        }
        audit({ resourceType: 'episode_of_care', resourceId: episodeId, fieldsChanged: Object.keys(fields) });
      });
      return reads.one(organizationId, patientId, episodeId);
    },
  };
}

export type EpisodeService = ReturnType<typeof episodeService>;
