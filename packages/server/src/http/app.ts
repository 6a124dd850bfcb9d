import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import { defineMessages } from '@formatjs/intl';
import { DomainError } from '@tandem/core';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { diagnosisService } from '../admission/diagnosis-service.ts';
import { episodeLookupRoutes } from '../admission/episode-lookup-routes.ts';
import { episodeRoutes } from '../admission/episode-routes.ts';
import { episodeService } from '../admission/episode-service.ts';
import { raiseOverdueIntakeAlerts } from '../admission/intake-overdue-alerts.ts';
import { intakeRoutes } from '../admission/intake-routes.ts';
import { intakeService } from '../admission/intake-service.ts';
import { startAlertSweep } from '../alerts/alert-sweep.ts';
import { alertRepository } from '../alerts/repository.ts';
import { alertRoutes } from '../alerts/routes.ts';
import { alertService } from '../alerts/service.ts';
import { createAuditWriter } from '../audit/audit-writer.ts';
import { auditLogRoutes } from '../audit-log/routes.ts';
import type { Auth } from '../auth/auth.ts';
import type { Authenticator } from '../auth/authenticate.ts';
import { passwordResetRoutes } from '../auth/password-reset-routes.ts';
import { passwordResetService } from '../auth/password-reset-service.ts';
import { authRepository } from '../auth/repository.ts';
import { authRoutes } from '../auth/routes.ts';
import { securityRoutes } from '../auth/security-routes.ts';
import { accountSecurityService } from '../auth/security-service.ts';
import { careTeamRepository } from '../care-team/repository.ts';
import { careTeamRoutes } from '../care-team/routes.ts';
import { careTeamService } from '../care-team/service.ts';
import { consentRepository } from '../consents/repository.ts';
import { consentRoutes } from '../consents/routes.ts';
import { consentService } from '../consents/service.ts';
import type { TandemDatabase } from '../db/database.ts';
import { portalRoutes } from '../disclosures/portal-routes.ts';
import { disclosureRepository } from '../disclosures/repository.ts';
import { disclosureRoutes } from '../disclosures/routes.ts';
import { disclosureService } from '../disclosures/service.ts';
import { invitationRoutes } from '../invitations/routes.ts';
import { languageRepository } from '../languages/repository.ts';
import { languageRoutes } from '../languages/routes.ts';
import { matchingRepository } from '../matching/repository.ts';
import { matchingRoutes } from '../matching/routes.ts';
import { matchingService } from '../matching/service.ts';
import { meRoutes } from '../me/routes.ts';
import { onDutyRepository } from '../on-duty/repository.ts';
import { onDutyRoutes } from '../on-duty/routes.ts';
import { onDutyService } from '../on-duty/service.ts';
import { mailWordingRoutes } from '../organizations/mail-wording-routes.ts';
import { organizationRepository } from '../organizations/repository.ts';
import { type MailDelivery, startMailDelivery } from '../outbox/delivery.ts';
import { outboxRepository } from '../outbox/repository.ts';
import { outboxRoutes } from '../outbox/routes.ts';
import { outboxService } from '../outbox/service.ts';
import { registrationRoutes } from '../patients/registration-routes.ts';
import { patientRoutes } from '../patients/routes.ts';
import { recordKernel } from '../records/unit-of-work.ts';
import { signedRecordRepository } from '../signed-records/repository.ts';
import { staffDeactivationRoutes } from '../staff/deactivation-routes.ts';
import { staffDeactivationService } from '../staff/deactivation-service.ts';
import { staffRepository } from '../staff/repository.ts';
import { staffRoutes } from '../staff/routes.ts';
import { staffService } from '../staff/service.ts';
import { supportContactRepository } from '../support-contacts/repository.ts';
import { supportContactRoutes } from '../support-contacts/routes.ts';
import { supportContactService } from '../support-contacts/service.ts';
import { apiReferencePrefix, registerApiReference } from './api-reference.ts';
import { createAuthorizer } from './authorization.ts';
import { checkCsrf } from './csrf.ts';
import { healthRoutes } from './health-routes.ts';
import { type LogFormat, loggingOptions, safeErrorForLog } from './logging.ts';
import { routerProblem, sendProblem, toProblem } from './problem.ts';
import type { RouteAccess } from './route-policy.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { isClientRoute, registerWebApp } from './web-app.ts';

export interface AppOptions {
  database: TandemDatabase;
  auth: Auth;
  authenticator: Authenticator;
  publicUrl: string;
  logLevel: string;
  /** Default `json`; `pretty` is one short line per request for a person at a terminal. */
  logFormat?: LogFormat;
  logStream?: NodeJS.WritableStream;
  webDistDir?: string;
  version: string;
  /** See AuditWriterOptions: whether a read's response waits until its audit event is on disk. */
  auditReadsWaitForFlush?: boolean;
  /** How often follow-ups that fell due are raised and unacknowledged alerts escalated (0: never; tests sweep by hand). */
  alertSweepIntervalMs?: number;
  /** The mail sender of the outbox (its transport unset when no mail server is configured). */
  mail: MailDelivery;
  /** How often the outbox is delivered (0: never; tests deliver by hand with mail.deliverDue()). */
  mailDeliveryIntervalMs?: number;
  /** Registers more routes (benchmarks compare a route with and without its access policy). */
  extendApp?: (app: FastifyInstance, services: { database: TandemDatabase }) => Promise<void>;
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with the access it declared: the route-policy test reads this. */
    declaredRoutes: DeclaredRoute[];
  }
}

const errors = defineMessages({
  nothingHere: { id: 'http.errors.nothingHere', defaultMessage: 'There is nothing at this address.' },
});

const requestIdPattern = /^[A-Za-z0-9-]{8,64}$/;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  let closing = false;
  const app = Fastify({
    ...loggingOptions(options.logLevel, {
      ...(options.logFormat === undefined ? {} : { format: options.logFormat }),
      ...(options.logStream === undefined ? {} : { stream: options.logStream }),
    }),
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      // randomUUID draws from Node's cached entropy pool: cheaper per request than a UUIDv7 generator.
      return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
    },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    bodyLimit: 1024 * 1024,
    frameworkErrors: (error, request, reply) => sendProblem(reply, routerProblem(error, request)),
  }).withTypeProvider<ZodTypeProvider>();

  await registerSecurityHeaders(app, options.publicUrl);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('principal', null);
  app.decorateRequest('access', null);
  const auditWriter = createAuditWriter(options.database, {
    readsWaitForFlush: options.auditReadsWaitForFlush ?? true,
  });
  const authorizer = createAuthorizer({ db: options.database.db, audit: auditWriter });

  const declaredRoutes: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declaredRoutes);
  app.addHook('onRoute', (route) => {
    // Routes added by plugins (the API reference) are public pages with no patient data.
    if (route.url.startsWith(apiReferencePrefix) && route.config?.access === undefined) {
      route.config = { ...route.config, access: 'public' };
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      declaredRoutes.push({ method, url: route.url, access: route.config?.access });
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    checkCsrf(request, [options.publicUrl]);
    request.principal = await options.authenticator.authenticate(request.headers);
  });
  // Before validation, so that a caller who may not touch a route learns nothing from its input checks.
  app.addHook('preValidation', async (request) => {
    if (request.is404) return;
    const isApi = request.url.startsWith('/api/');
    if (!isApi && request.routeOptions.config.access === undefined) return;
    await authorizer.authorize(request);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    await authorizer.auditResponse(request, reply, payload);
  });
  app.addHook('onClose', async () => {
    await auditWriter.drain();
  });
  app.addHook('preClose', async () => {
    closing = true;
  });
  // A keep-alive socket that served an in-flight request would otherwise hold shutdown open until it times out.
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500) request.log.error({ err: safeErrorForLog(error) }, 'request failed');
    return sendProblem(reply, problem);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tandem API',
        version: options.version,
        description:
          'The API of Tandem, the platform for addiction treatment programs. Errors are RFC 9457 problem+json. Sign in at /api/auth/sign-in/email; the session is an HTTP-only cookie. State-changing requests must send the header `x-tandem-csrf: 1`.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      components: {
        securitySchemes: { sessionCookie: { type: 'apiKey', in: 'cookie', name: 'tandem.session_token' } },
      },
      security: [{ sessionCookie: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  await registerApiReference(app, '/api/openapi.json');

  const { db, pool } = options.database;
  const records = recordKernel(db);
  await app.register(healthRoutes({ pool, isClosing: () => closing }));
  await app.register(
    authRoutes({
      auth: options.auth,
      authenticator: options.authenticator,
      publicUrl: options.publicUrl,
      records,
    }),
  );
  const languages = languageRepository(db);
  await app.register(
    meRoutes({
      organizations: organizationRepository(db),
      languages,
      records,
      forgetUser: (userId) => options.authenticator.forgetUser(userId),
    }),
  );
  await app.register(
    languageRoutes(records, languages, (organizationId) =>
      options.authenticator.forgetOrganization(organizationId),
    ),
  );
  await app.register(mailWordingRoutes(records));
  const staff = staffRepository(db);
  const sessions = authRepository(db);
  await app.register(
    passwordResetRoutes({
      auth: options.auth,
      authenticator: options.authenticator,
      publicUrl: options.publicUrl,
      accounts: sessions,
      service: passwordResetService({
        records,
        accounts: sessions,
        languages,
        publicUrl: options.publicUrl,
        mailConfigured: options.mail.configured,
      }),
    }),
  );
  await app.register(staffRoutes(staffService(records, staff)));
  await app.register(securityRoutes(options, accountSecurityService(records, sessions)));
  await app.register(
    staffDeactivationRoutes(
      staffDeactivationService({
        records,
        staff,
        sessions,
        forgetUser: (userId) => options.authenticator.forgetUser(userId),
      }),
    ),
  );
  await app.register(invitationRoutes({ db, auth: options.auth, publicUrl: options.publicUrl }));
  await app.register(
    outboxRoutes(outboxService(records, outboxRepository(db), { mailConfigured: options.mail.configured })),
  );
  await app.register(patientRoutes(db));
  await app.register(registrationRoutes(records));
  const episodes = episodeService(records);
  await app.register(episodeRoutes(episodes, diagnosisService(records)));
  await app.register(episodeLookupRoutes(episodes));
  await app.register(intakeRoutes(intakeService(records)));
  await app.register(auditLogRoutes(records));
  await app.register(supportContactRoutes(supportContactService(records, supportContactRepository())));
  await app.register(careTeamRoutes(careTeamService(records, careTeamRepository(db))));
  await app.register(matchingRoutes(matchingService(records, matchingRepository(db))));
  await app.register(
    consentRoutes(consentService(records, consentRepository(), signedRecordRepository(records.db))),
  );
  const disclosures = disclosureService(records, disclosureRepository(db));
  await app.register(disclosureRoutes(records, disclosures));
  await app.register(portalRoutes(disclosures));
  const alertRows = alertRepository(db);
  const alerts = alertService(records, alertRows);
  await app.register(alertRoutes(alerts));
  await app.register(onDutyRoutes(onDutyService(records, onDutyRepository())));
  const sweepIntervalMs = options.alertSweepIntervalMs ?? 60_000;
  if (sweepIntervalMs > 0) {
    const sweep = startAlertSweep(
      async () => {
        let raised = 0;
        let escalated = 0;
        for (const organizationId of await alertRows.organizationIds(db)) {
          raised += await raiseOverdueIntakeAlerts(records, alertRows, organizationId);
          escalated += await alerts.escalateDue(organizationId);
        }
        return { raised, escalated };
      },
      sweepIntervalMs,
      app.log,
    );
    app.addHook('onClose', () => sweep.stop());
  }

  const mailIntervalMs = options.mailDeliveryIntervalMs ?? 15_000;
  if (mailIntervalMs > 0 && options.mail.configured) {
    const delivery = startMailDelivery(options.mail, mailIntervalMs, app.log);
    app.addHook('onClose', () => delivery.stop());
  }

  await options.extendApp?.(app, { database: options.database });

  const webDistDir = options.webDistDir;
  const servesWebApp = webDistDir === undefined ? false : await registerWebApp(app, webDistDir);
  app.setNotFoundHandler((request, reply) => {
    if (servesWebApp && isClientRoute(request.method, request.url, request.headers.accept)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(reply, toProblem(new DomainError('not_found', errors.nothingHere), request));
  });

  return app;
}
