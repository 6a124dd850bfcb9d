import { StartupError } from '../app/startup-error.ts';
import type { Config } from '../config/config.ts';
import {
  dataFolderPaths,
  dataFolderState,
  ensureWritableFolder,
  lockDataFolder,
  markInitialized,
  markInitializing,
  unfinishedFolderError,
} from './data-folder.ts';
import { databaseFromPglite, databaseFromUrl, openPglite, type TandemDatabase } from './database.ts';
import { migrate } from './migrate.ts';

export interface OpenedDatabase extends TandemDatabase {
  /** True when this start created the embedded database. */
  created: boolean;
}

export interface OpenOptions {
  /**
   * A migrated, empty embedded database (PGlite's dumpDataDir) to start a NEW data folder from; migrations still
   * run after it. The test suite uses it so that each test server skips initdb and the migrations.
   */
  embeddedTemplate?: Blob;
}

/** Opens the configured database, applies pending migrations, and turns every failure into a StartupError. */
export async function openConfiguredDatabase(
  config: Config,
  options: OpenOptions = {},
): Promise<OpenedDatabase> {
  if (config.databaseUrl !== undefined) return openPostgres(config.databaseUrl);
  return openEmbedded(config.dataDir, options.embeddedTemplate);
}

async function openPostgres(databaseUrl: string): Promise<OpenedDatabase> {
  const database = databaseFromUrl(databaseUrl);
  try {
    await database.pool.query('SELECT 1');
  } catch (error) {
    await database.close().catch(() => {});
    throw new StartupError(describePostgresFailure(databaseUrl, error), { cause: error });
  }
  await migrateOrExplain(database);
  return { ...database, created: false };
}

async function openEmbedded(dataDir: string, template: Blob | undefined): Promise<OpenedDatabase> {
  const paths = dataFolderPaths(dataDir);
  await ensureWritableFolder(paths.root);
  const releaseLock = await lockDataFolder(paths);
  try {
    const state = await dataFolderState(paths);
    if (state === 'unfinished') throw unfinishedFolderError(paths);
    if (state === 'new') await markInitializing(paths);
    let pglite: Awaited<ReturnType<typeof openPglite>>;
    try {
      pglite = await openPglite(paths.pglite, state === 'new' && template !== undefined ? { template } : {});
    } catch (error) {
      throw new StartupError(
        `The embedded database in ${paths.pglite} could not be opened (${(error as Error).message}). Restore it with 'tandem restore <backup>' into a new TANDEM_DATA_DIR.`,
        { cause: error },
      );
    }
    const database = databaseFromPglite(pglite);
    await migrateOrExplain(database);
    if (state === 'new') await markInitialized(paths);
    return {
      ...database,
      created: state === 'new',
      async close() {
        await database.close();
        await releaseLock();
      },
    };
  } catch (error) {
    await releaseLock();
    throw error;
  }
}

async function migrateOrExplain(database: TandemDatabase): Promise<void> {
  try {
    await migrate(database.pool);
  } catch (error) {
    await database.close().catch(() => {});
    throw new StartupError(`Could not migrate the database: ${(error as Error).message}`, { cause: error });
  }
}

/** Never echoes the password of the URL. */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '****';
    return url.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

function describePostgresFailure(databaseUrl: string, error: unknown): string {
  const where = redactDatabaseUrl(databaseUrl);
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ECONNREFUSED':
      return `Cannot reach PostgreSQL at ${where}: connection refused. Start PostgreSQL or correct DATABASE_URL.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach PostgreSQL at ${where}: unknown host. Correct the host in DATABASE_URL.`;
    case '28P01':
    case '28000':
      return `PostgreSQL at ${where} refused the user or password in DATABASE_URL.`;
    case '3D000':
      return `The database named in DATABASE_URL (${where}) does not exist. Create it (createdb) or correct DATABASE_URL.`;
    default:
      return `Cannot use PostgreSQL at ${where}: ${(error as Error).message || code || 'unknown error'}. Check DATABASE_URL.`;
  }
}
