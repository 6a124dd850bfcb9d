import { defineMessages } from '@formatjs/intl';
import { redisclosureNotice } from '@tandem/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { patientFromPath, patientParams } from '../http/patient-params.ts';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import { accountingCsv } from './accounting-csv.ts';
import { accountedDisclosureSchema, accountingQuerySchema } from './schemas.ts';
import type { DisclosureService } from './service.ts';

const errors = defineMessages({
  notConsentId: { id: 'disclosures.errors.notConsentId', defaultMessage: 'Not a consent id' },
});

const releaseParams = patientParams.extend({ consentId: z.uuid(errors.notConsentId.id) });

/** The header that carries the redisclosure notice with every disclosure, whatever its body. */
export const redisclosureNoticeHeader = 'x-tandem-redisclosure-notice';

/** What leaves the program under a consent: printed releases, and the accounting of every disclosure. */
export function disclosureRoutes(records: RecordKernel, service: DisclosureService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/patients/:patientId/disclosures',
      {
        config: { access: { resource: 'disclosure_accounting', action: 'read', patient: patientFromPath } },
        schema: {
          tags: ['disclosures'],
          summary: 'The accounting of disclosures of a patient’s record (42 CFR 2.24), newest first',
          params: patientParams,
          querystring: accountingQuerySchema,
          response: { 200: z.object({ items: z.array(accountedDisclosureSchema) }), '4xx': problemSchema },
        },
      },
      async (request) => {
        const items = await service.accounting(
          recordContext(request),
          request.params.patientId,
          request.query.limit,
        );
        return {
          items: items.map((item) => ({ ...item, disclosedAt: item.disclosedAt.toISOString() })),
        };
      },
    );

    app.get(
      '/api/patients/:patientId/disclosures.csv',
      {
        config: { access: { resource: 'disclosure_accounting', action: 'read', patient: patientFromPath } },
        schema: {
          tags: ['disclosures'],
          summary: 'The whole accounting of disclosures as a CSV download',
          params: patientParams,
          produces: ['text/csv'],
          response: {
            200: z.string().meta({ description: 'CSV with a header row' }),
            '4xx': problemSchema,
          },
        },
      },
      async (request, reply) => {
        const context = recordContext(request);
        const items = await service.accounting(context, request.params.patientId, 100_000);
        const { timeZone } = await records.clock(context);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="disclosures.csv"')
          .header('cache-control', 'no-store')
          .send(accountingCsv(items, timeZone));
      },
    );

    app.get(
      '/api/patients/:patientId/releases/:consentId.pdf',
      {
        config: {
          access: { resource: 'release_of_information', action: 'create', patient: patientFromPath },
        },
        schema: {
          tags: ['disclosures'],
          summary:
            'Print a release of the consented records to the consent’s recipient (PDF, the redisclosure notice on every page); refused unless the consent is in effect now; accounted as a printout',
          params: releaseParams,
          produces: ['application/pdf'],
          response: {
            200: z
              .custom<Buffer>((value) => Buffer.isBuffer(value))
              .meta({ description: 'The release as a PDF document' }),
            '4xx': problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { pdf } = await service.printRelease(
          recordContext(request),
          request.params.patientId,
          request.params.consentId,
        );
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="release-${request.params.consentId}.pdf"`)
          .header('cache-control', 'no-store')
          .header(redisclosureNoticeHeader, redisclosureNotice)
          .send(pdf);
      },
    );
  };
}
