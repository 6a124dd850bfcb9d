import { defineMessages } from '@formatjs/intl';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import { organizationOf } from '../records/record-context.ts';
import { staleVersion } from '../records/refusal.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import { organizationRepository } from './repository.ts';

const errors = defineMessages({
  mailWordingChanged: {
    id: 'organizations.errors.mailWordingChanged',
    defaultMessage: 'Someone else changed what mail may say; review their change.',
  },
});

const mailWordingSchema = z
  .object({
    namesProgram: z.boolean().meta({
      description:
        "Whether a patient's or a loved one's invitation may name the program in its body (never in its subject); " +
        "off by default (42 CFR Part 2: mail leaves the program). A loved one's also needs the patient's consent.",
    }),
    version: z.number().int(),
  })
  .meta({ id: 'MailWording' });

const mailWordingChange = z.object({ namesProgram: z.boolean(), version: z.number().int().positive() });

/** What mail may say about the program (administrators), audited; 409 with the current setting if stale. */
export function mailWordingRoutes(records: RecordKernel): FastifyPluginAsyncZod {
  const organizations = organizationRepository(records.db);
  return async (app) => {
    app.get(
      '/api/organization/mail-wording',
      {
        config: { access: { resource: 'organization_settings', action: 'read' } },
        schema: {
          tags: ['organization'],
          summary: 'Whether invitations to patients and loved ones may name the program',
          response: { 200: mailWordingSchema, '4xx': problemSchema },
        },
      },
      async (request) => {
        const setting = await organizations.mailWording(organizationOf(recordContext(request)));
        if (setting === undefined) throw new Error('the signed-in organization is missing');
        return setting;
      },
    );

    app.put(
      '/api/organization/mail-wording',
      {
        config: { access: { resource: 'organization_settings', action: 'update' } },
        schema: {
          tags: ['organization'],
          summary:
            'Let invitations to patients and loved ones name the program, or not; refused with 409 and the current setting if stale',
          body: mailWordingChange,
          response: { 200: mailWordingSchema, '4xx': problemSchema },
        },
      },
      async (request) => {
        const context = recordContext(request);
        const organizationId = organizationOf(context);
        return records.write(context, async ({ trx, audit }) => {
          const saved = await organizations.setMailWording(trx, organizationId, request.body);
          if (saved === undefined) {
            staleVersion(errors.mailWordingChanged, () => organizations.mailWording(organizationId));
          }
          audit({
            resourceType: 'organization_settings',
            resourceId: organizationId,
            fieldsChanged: ['mail_names_program'],
          });
          return saved;
        });
      },
    );
  };
}
