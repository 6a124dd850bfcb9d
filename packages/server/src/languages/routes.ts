import { defineMessages } from '@formatjs/intl';
import { uiLanguages } from '@tandem/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import { organizationOf } from '../records/record-context.ts';
import { staleVersion } from '../records/refusal.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import type { LanguageRepository } from './repository.ts';

const errors = defineMessages({
  languageChanged: {
    id: 'languages.errors.languageChanged',
    defaultMessage: "Someone else changed the program's language; review their change.",
  },
  chooseLanguage: { id: 'languages.errors.chooseLanguage', defaultMessage: 'Choose one of: {values}' },
});

const organizationLanguageSchema = z
  .object({
    defaultLanguage: z.enum(uiLanguages).meta({
      description:
        'What people read until they choose their own language, and what the program writes in for someone whose language it does not know',
    }),
    version: z.number().int(),
  })
  .meta({ id: 'OrganizationLanguage' });

const organizationLanguageChange = z.object({
  defaultLanguage: z.enum(uiLanguages, { error: errors.chooseLanguage.id }),
  version: z.number().int().positive(),
});

/**
 * The organization's default language (administrators), with its audit event; 409 with the current one if stale.
 * A change drops the organization's cached principals (`forgetOrganization`): its people read the new default
 * from their next request.
 */
export function languageRoutes(
  records: RecordKernel,
  languages: LanguageRepository,
  forgetOrganization: (organizationId: string) => void,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/organization/language',
      {
        config: { access: { resource: 'organization_settings', action: 'read' } },
        schema: {
          tags: ['organization'],
          summary: "The organization's default language",
          response: { 200: organizationLanguageSchema, '4xx': problemSchema },
        },
      },
      async (request) => {
        const context = recordContext(request);
        return records.read(context, async ({ trx }) => {
          const setting = await languages.organizationSetting(organizationOf(context), trx);
          if (setting === undefined) throw new Error('the signed-in organization is missing');
          return setting;
        });
      },
    );

    app.put(
      '/api/organization/language',
      {
        config: { access: { resource: 'organization_settings', action: 'update' } },
        schema: {
          tags: ['organization'],
          summary:
            "Set the organization's default language; refused with 409 and the current setting if stale",
          body: organizationLanguageChange,
          response: { 200: organizationLanguageSchema, '4xx': problemSchema },
        },
      },
      async (request) => {
        const context = recordContext(request);
        const organizationId = organizationOf(context);
        const saved = await records.write(context, async ({ trx, audit }) => {
          const saved = await languages.setOrganizationDefault(trx, organizationId, request.body);
          if (saved === undefined) {
            // Answered after the rollback, from outside the failed transaction.
            staleVersion(errors.languageChanged, () => languages.organizationSetting(organizationId));
          }
          audit({
            resourceType: 'organization_settings',
            resourceId: organizationId,
            fieldsChanged: ['default_language'],
          });
          return saved;
        });
        forgetOrganization(organizationId);
        return saved;
      },
    );
  };
}
