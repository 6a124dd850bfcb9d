import { mkdir } from 'node:fs/promises';
import type { RetryPolicy } from '@tandem/core/outbox/delivery';
import type { FastifyInstance } from 'fastify';
import { raiseOverdueIntakeAlerts } from '../admission/intake-overdue-alerts.ts';
import { alertRepository } from '../alerts/repository.ts';
import { startCheckpointSchedule } from '../audit/checkpoint-schedule.ts';
import { resolveSigningKey } from '../audit/signing-key.ts';
import { createAuth } from '../auth/auth.ts';
import { createAuthenticator } from '../auth/authenticate.ts';
import { authRepository } from '../auth/repository.ts';
import type { Config } from '../config/config.ts';
import type { OpenedDatabase } from '../db/open-database.ts';
import { openConfiguredDatabase } from '../db/open-database.ts';
import { type SeedResult, seedDemo } from '../demo/seed-demo.ts';
import { type AppOptions, buildApp } from '../http/app.ts';
import { resolveLogFormat } from '../http/logging.ts';
import { defaultWebDistDir } from '../http/web-app.ts';
import { identityRepository } from '../identity/repository.ts';
import { type MailDelivery, mailDelivery } from '../outbox/delivery.ts';
import { smtpTransport } from '../outbox/mail-transport.ts';
import { recordKernel } from '../records/unit-of-work.ts';
import { resolveAuthSecret } from './auth-secret.ts';
import { StartupError } from './startup-error.ts';
import { tandemVersion } from './version.ts';

export interface RunningTandem {
  url: string;
  app: FastifyInstance;
  database: OpenedDatabase;
  demo: SeedResult | undefined;
  /** The outbox's mail sender: `deliverDue()` sends what is due now (tests call it by hand). */
  mail: MailDelivery;
  /** Stops accepting requests, lets in-flight ones finish, then closes the database and frees the data folder. */
  close(): Promise<void>;
}

export interface StartOptions {
  logStream?: NodeJS.WritableStream;
  auditReadsWaitForFlush?: boolean;
  /** See AppOptions: 0 turns the alert sweep off (tests sweep by hand). */
  alertSweepIntervalMs?: number;
  /** Overrides TANDEM_MAIL_DELIVERY_SECONDS in milliseconds: 0 turns the delivery schedule off (tests). */
  mailDeliveryIntervalMs?: number;
  /** How failed sends are retried (tests shorten the waits). */
  mailRetry?: RetryPolicy;
  /** Adds routes before the server listens: benchmarks only (bench/policy-overhead.ts). */
  extendApp?: AppOptions['extendApp'];
  /** A migrated empty embedded database to start a new data folder from (tests: see OpenOptions). */
  embeddedTemplate?: Blob;
}

export async function startTandem(config: Config, options: StartOptions = {}): Promise<RunningTandem> {
  await mkdir(config.dataDir, { recursive: true }).catch(() => {});
  const database = await openConfiguredDatabase(
    config,
    options.embeddedTemplate === undefined ? {} : { embeddedTemplate: options.embeddedTemplate },
  );
  try {
    const secret = await resolveAuthSecret(config);
    const signingKey = await resolveSigningKey(config);
    const demo = config.demo ? await seedDemo(database.db, { authSecret: secret }) : undefined;
    // A new demo opens with what a program in progress has: Joe's overdue intake item waits as an alert (the
    // sweep would raise it within a minute; the seed itself writes nothing to the audit trail).
    if (demo?.created === true) {
      await raiseOverdueIntakeAlerts(
        recordKernel(database.db),
        alertRepository(database.db),
        demo.organizationId,
      );
    }
    const identity = identityRepository(database.db);
    const auth = createAuth({
      pool: database.pool,
      secret,
      publicUrl: config.publicUrl,
      sessionMaxHours: config.sessionMaxHours,
      defaultOrganizationFor: identity.defaultOrganizationFor,
    });
    const authenticator = createAuthenticator(auth, identity, {
      cacheSeconds: config.sessionCacheSeconds,
      idleTimeoutMinutes: config.idleTimeoutMinutes,
      sessions: authRepository(database.db),
    });
    const mail = mailDelivery({
      records: recordKernel(database.db),
      transport: config.smtp === undefined ? undefined : smtpTransport(config.smtp, config.mailFrom),
      ...(options.mailRetry === undefined ? {} : { retry: options.mailRetry }),
    });
    const app = await buildApp({
      mail,
      mailDeliveryIntervalMs: options.mailDeliveryIntervalMs ?? config.mailDeliverySeconds * 1000,
      database,
      auth,
      authenticator,
      publicUrl: config.publicUrl,
      logLevel: config.logLevel,
      // A stream given by a caller (tests, benchmarks) is read by a program: JSON unless asked otherwise.
      logFormat: resolveLogFormat(
        config.logFormat,
        options.logStream === undefined && process.stdout.isTTY === true,
      ),
      ...(options.logStream === undefined ? {} : { logStream: options.logStream }),
      webDistDir: config.webDistDir ?? defaultWebDistDir,
      version: tandemVersion,
      ...(options.extendApp === undefined ? {} : { extendApp: options.extendApp }),
      ...(options.auditReadsWaitForFlush === undefined
        ? {}
        : { auditReadsWaitForFlush: options.auditReadsWaitForFlush }),
      ...(options.alertSweepIntervalMs === undefined
        ? {}
        : { alertSweepIntervalMs: options.alertSweepIntervalMs }),
    });
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      await app.close();
      await authenticator.close();
      mail.close();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') {
        throw new StartupError(
          `Port ${config.port} is already in use. Stop the program using it, or start Tandem with PORT=<another port>.`,
        );
      }
      if (code === 'EACCES') {
        throw new StartupError(
          `Not allowed to listen on port ${config.port}. Use a port above 1024 (PORT=3000).`,
        );
      }
      throw error;
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const checkpoints = startCheckpointSchedule({
      db: database.db,
      key: signingKey,
      intervalMs: config.auditCheckpointMinutes * 60_000,
      onError: (error) => app.log.error({ err: error }, 'signing an audit checkpoint failed'),
    });
    let closed: Promise<void> | undefined;
    return {
      url: config.port === port ? config.publicUrl : `http://${config.host}:${port}`,
      app,
      database,
      demo,
      mail,
      close() {
        closed ??= (async () => {
          await app.close();
          await authenticator.close();
          mail.close();
          // After the last request's audit event: the final checkpoint covers it.
          await checkpoints.stop();
          await database.close();
        })();
        return closed;
      },
    };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}
