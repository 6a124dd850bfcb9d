import { defineMessages } from '@formatjs/intl';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAccess } from '../http/authorization.ts';
import { problemSchema } from '../http/problem.ts';
import { requirePrincipal } from '../http/record-context.ts';
import type { EpisodeService } from './episode-service.ts';
import { episodeSchema } from './schemas.ts';

const errors = defineMessages({
  notEpisodeId: { id: 'admission.errors.notEpisodeId', defaultMessage: 'Not an episode id' },
});

const episodeParams = z.object({ episodeId: z.uuid(errors.notEpisodeId.id) });

/**
 * An episode of care named by its own id, as links from elsewhere (and later the FHIR facade) name it: the
 * authorization hook finds its patient and decides as for the patient's record.
 */
export function episodeLookupRoutes(episodes: EpisodeService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/episodes/:episodeId',
      {
        config: {
          access: {
            resource: 'episode_of_care',
            action: 'read',
            patient: { param: 'episodeId', owner: 'episode_of_care' },
          },
        },
        schema: {
          tags: ['admission'],
          summary: 'One episode of care by its id, wherever a link names it (its patient is found from it)',
          params: episodeParams,
          response: { 200: episodeSchema, '4xx': problemSchema },
        },
      },
      async (request) => {
        const patientId = requireAccess(request).patientId;
        if (patientId === null) throw new Error('the hook found no patient for an owned record');
        return episodes.one(requirePrincipal(request).organizationId, patientId, request.params.episodeId);
      },
    );
  };
}
