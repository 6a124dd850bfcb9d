import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { tandemVersion } from '../app/version.ts';
import { createAuth } from '../auth/auth.ts';
import { createAuthenticator } from '../auth/authenticate.ts';
import type { DB } from '../db/schema.generated.ts';
import { identityRepository } from '../identity/repository.ts';
import { mailDelivery } from '../outbox/delivery.ts';
import { recordKernel } from '../records/unit-of-work.ts';
import { buildApp } from './app.ts';

/**
 * The OpenAPI 3.1 document, built from the same zod schemas the routes validate with. Needs no database: the
 * pool below is never connected. The web client's types are generated from this (packages/web/scripts).
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const pool = new pg.Pool({ connectionString: 'postgres://unused@127.0.0.1:1/unused' });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  const identity = identityRepository(db);
  const publicUrl = 'http://localhost:3000';
  const auth = createAuth({
    pool,
    secret: 'openapi-document-only-secret-not-used-for-anything',
    publicUrl,
    defaultOrganizationFor: identity.defaultOrganizationFor,
  });
  const app = await buildApp({
    database: { kind: 'postgres', db, pool, close: async () => {} },
    auth,
    authenticator: createAuthenticator(auth, identity, { cacheSeconds: 0 }),
    publicUrl,
    logLevel: 'silent',
    version: tandemVersion,
    mail: mailDelivery({ records: recordKernel(db), transport: undefined }),
  });
  await app.ready();
  const document = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  await db.destroy();
  return document;
}
