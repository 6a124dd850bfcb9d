import { defineMessages } from '@formatjs/intl';
import { matchUiLanguage, personLanguage, roles, uiLanguages } from '@tandem/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../http/authorization.ts';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import type { LanguageRepository } from '../languages/repository.ts';
import type { organizationRepository } from '../organizations/repository.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';

const errors = defineMessages({
  chooseLanguage: { id: 'me.errors.chooseLanguage', defaultMessage: 'Choose one of: {values}' },
});

const meSchema = z
  .object({
    user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    organization: z.object({
      id: z.string(),
      name: z.string(),
      isDemo: z.boolean(),
      timeZone: z
        .string()
        .meta({ description: "The program's IANA time zone: its calendar decides every date" }),
      defaultLanguage: z
        .enum(uiLanguages)
        .meta({ description: 'What people read until they choose their own language' }),
    }),
    language: z.enum(uiLanguages).meta({
      description:
        "The language the person reads Tandem in: their own choice, else (a patient) their record's preferred " +
        "language when Tandem is written in it, else the organization's",
    }),
    languagePreference: z.enum(uiLanguages).nullable().meta({
      description: "The person's own choice; null follows the organization (or their patient record)",
    }),
    role: z.enum(roles),
    staffMemberId: z.string().nullable(),
  })
  .meta({ id: 'Me' });

const languageChange = z.object({
  language: z
    .enum(uiLanguages, { error: errors.chooseLanguage.id })
    .nullable()
    .meta({ description: 'null: follow the organization (or, for a patient, their preferred language)' }),
});

export interface MeRoutesOptions {
  organizations: ReturnType<typeof organizationRepository>;
  languages: LanguageRepository;
  records: RecordKernel;
  /** Drops the cached principal, so that the next request is answered in the new language. */
  forgetUser: (userId: string) => void;
}

export function meRoutes({
  organizations,
  languages: languageData,
  records,
  forgetUser,
}: MeRoutesOptions): FastifyPluginAsyncZod {
  return async (app) => {
    async function describe(principal: ReturnType<typeof requirePrincipal>) {
      const [organization, languages] = await Promise.all([
        organizations.findById(principal.organizationId),
        languageData.sourcesFor(principal.userId, principal.organizationId),
      ]);
      const preference = languages.preference;
      return {
        user: { id: principal.userId, name: principal.name, email: principal.email },
        organization: {
          id: principal.organizationId,
          name: organization?.name ?? '',
          isDemo: organization?.isDemo ?? false,
          timeZone: organization?.timeZone ?? 'UTC',
          defaultLanguage: matchUiLanguage([languages.organizationDefault]),
        },
        language: personLanguage(languages),
        languagePreference: preference === null ? null : matchUiLanguage([preference]),
        role: principal.role,
        staffMemberId: principal.staffMemberId,
      };
    }

    app.get(
      '/api/me',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user, their organization and role',
          response: { 200: meSchema, '4xx': problemSchema },
        },
      },
      async (request) => describe(requirePrincipal(request)),
    );

    app.put(
      '/api/me/language',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['auth'],
          summary: 'Choose the language the signed-in person reads Tandem in',
          body: languageChange,
          response: { 200: meSchema, '4xx': problemSchema },
        },
      },
      async (request) => {
        const context = recordContext(request);
        const { language } = request.body;
        await records.write(context, async ({ trx, audit }) => {
          await languageData.setPreference(trx, context.principal.userId, language);
          audit({
            action: 'change_language',
            resourceType: 'user_account',
            resourceId: context.principal.userId,
            fieldsChanged: ['language'],
            patientId: null,
            outcome: 'allowed',
            reason: null,
          });
        });
        forgetUser(context.principal.userId);
        return describe(context.principal);
      },
    );
  };
}
