import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
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
import { episodeRoutes } from '../admission/episode-routes.ts';
import { episodeService } from '../admission/episode-service.ts';
import { intakeRoutes } from '../admission/intake-routes.ts';
import { intakeService } from '../admission/intake-service.ts';
import { createAuditWriter } from '../audit/audit-writer.ts';
import { auditLogRoutes } from '../audit-log/routes.ts';
import type { Auth } from '../auth/auth.ts';
import type { Authenticator } from '../auth/authenticate.ts';
import { authRoutes } from '../auth/routes.ts';
import { securityRoutes } from '../auth/security-routes.ts';
import { careTeamRepository } from '../care-team/repository.ts';
import { careTeamRoutes } from '../care-team/routes.ts';
import { careTeamService } from '../care-team/service.ts';
import { consentRoutes } from '../consents/routes.ts';
import type { TandemDatabase } from '../db/database.ts';
import { portalRoutes } from '../disclosures/portal-routes.ts';
import { disclosureRoutes } from '../disclosures/routes.ts';
import { invitationRoutes } from '../invitations/routes.ts';
import { matchingRepository } from '../matching/repository.ts';
import { matchingRoutes } from '../matching/routes.ts';
import { matchingService } from '../matching/service.ts';
import { meRoutes } from '../me/routes.ts';
import { organizationRepository } from '../organizations/repository.ts';
import { outboxRoutes } from '../outbox/routes.ts';
import { registrationRoutes } from '../patients/registration-routes.ts';
import { patientRoutes } from '../patients/routes.ts';
import { recordKernel } from '../records/unit-of-work.ts';
import { staffDeactivationRoutes } from '../staff/deactivation-routes.ts';
import { staffRepository } from '../staff/repository.ts';
import { staffRoutes } from '../staff/routes.ts';
import { staffService } from '../staff/service.ts';
import { supportContactRoutes } from '../support-contacts/routes.ts';
import { createAuthorizer, type RouteAccess } from './authorization.ts';
import { checkCsrf } from './csrf.ts';
import { healthRoutes } from './health-routes.ts';
import { loggerOptions, safeErrorForLog } from './logging.ts';
import { sendProblem, toProblem } from './problem.ts';
import { isClientRoute, registerWebApp } from './web-app.ts';

export interface AppOptions {
  database: TandemDatabase;
  auth: Auth;
  authenticator: Authenticator;
  publicUrl: string;
  logLevel: string;
  logStream?: NodeJS.WritableStream;
  webDistDir?: string;
  version: string;
  /** See AuditWriterOptions: whether a read's response waits until its audit event is on disk. */
  auditReadsWaitForFlush?: boolean;
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

const requestIdPattern = /^[A-Za-z0-9-]{8,64}$/;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  let closing = false;
  const app = Fastify({
    logger: loggerOptions(options.logLevel, options.logStream),
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      // randomUUID draws from Node's cached entropy pool: cheaper per request than a UUIDv7 generator.
      return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
    },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

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
    if (route.url.startsWith('/api/docs') && route.config?.access === undefined) {
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
  app.addHook('onSend', async (request, reply) => {
    await authorizer.auditResponse(request, reply);
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
  // The reference page is served from this process; Scalar's hosted extras (AI chat, MCP, deploy and share,
  // telemetry) would invite people to send things to a third party, so they are off.
  await app.register(scalar, {
    routePrefix: '/api/docs',
    configuration: {
      url: '/api/openapi.json',
      agent: { disabled: true },
      mcp: { disabled: true },
      showDeveloperTools: 'never',
      telemetry: false,
    },
  });

  const { db, pool } = options.database;
  const records = recordKernel(db);
  await app.register(healthRoutes({ pool, isClosing: () => closing }));
  await app.register(
    authRoutes({ auth: options.auth, authenticator: options.authenticator, publicUrl: options.publicUrl }),
  );
  await app.register(meRoutes(organizationRepository(db)));
  await app.register(staffRoutes(staffService(staffRepository(db))));
  await app.register(securityRoutes(options));
  await app.register(staffDeactivationRoutes({ db, authenticator: options.authenticator }));
  await app.register(invitationRoutes({ db, auth: options.auth, publicUrl: options.publicUrl }));
  await app.register(outboxRoutes(db));
  await app.register(patientRoutes(db));
  await app.register(registrationRoutes(db));
  await app.register(episodeRoutes(episodeService(records), diagnosisService(records)));
  await app.register(intakeRoutes(intakeService(records)));
  await app.register(auditLogRoutes(db));
  await app.register(supportContactRoutes(db));
  await app.register(careTeamRoutes(careTeamService(records, careTeamRepository(db))));
  await app.register(matchingRoutes(matchingService(matchingRepository(db))));
  await app.register(consentRoutes(db));
  await app.register(disclosureRoutes(db));
  await app.register(portalRoutes(db));

  await options.extendApp?.(app, { database: options.database });

  const webDistDir = options.webDistDir;
  const servesWebApp = webDistDir === undefined ? false : await registerWebApp(app, webDistDir);
  app.setNotFoundHandler((request, reply) => {
    if (servesWebApp && isClientRoute(request.method, request.url, request.headers.accept)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(
      reply,
      toProblem(new DomainError('not_found', 'There is nothing at this address.'), request),
    );
  });

  return app;
}
