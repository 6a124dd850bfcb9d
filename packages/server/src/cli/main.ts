import { stat } from 'node:fs/promises';
import { roleLabels } from '@tandem/core';
import { Command, InvalidArgumentError } from 'commander';
import { resolveAuthSecret } from '../app/auth-secret.ts';
import { startTandem } from '../app/start.ts';
import { StartupError } from '../app/startup-error.ts';
import { tandemVersion } from '../app/version.ts';
import { base32Secret, totpUri } from '../auth/totp.ts';
import { backupDatabase } from '../backup/backup.ts';
import { restoreDatabase } from '../backup/restore.ts';
import { ConfigError } from '../config/config.ts';
import { createAppRole } from '../db/app-role.ts';
import { dataFolderPaths, dataFolderState } from '../db/data-folder.ts';
import { MigrationError } from '../db/migrate.ts';
import { openConfiguredDatabase } from '../db/open-database.ts';
import { demoAccounts, demoPassword, demoTotpSecret, demoTwoFactorRoles } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { generatePatients } from '../generate/generate-patients.ts';
import { addAuditCommands } from './audit-commands.ts';
import { type CommonFlags, configFrom, withDatabaseFlags } from './database-flags.ts';

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isSafeInteger(count) || count < 0) throw new InvalidArgumentError('not a whole number');
  return count;
}

function parseSeed(value: string): number {
  const seed = Number(value);
  if (!Number.isSafeInteger(seed)) throw new InvalidArgumentError('not a whole number');
  return seed;
}

function parseDate(value: string): Date {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError('not a date (YYYY-MM-DD)');
  }
  return date;
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('not a port number');
  return port;
}

export function buildCli(): Command {
  const program = new Command('tandem')
    .description('Tandem: the open platform for addiction treatment programs')
    .version(tandemVersion);

  withDatabaseFlags(
    program
      .command('serve')
      .description('start the web app and API')
      .option('-p, --port <port>', 'port to listen on (PORT, default 3000)', parsePort)
      .option('--demo', 'create the demo organization if it is missing (TANDEM_DEMO=true)'),
  ).action(async (flags: CommonFlags & { demo?: boolean }) => {
    const startedAt = performance.now();
    const config = configFrom(flags);
    const running = await startTandem(config);
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    const where = config.databaseUrl === undefined ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
    console.log(`\nTandem is running at ${running.url}  (${where}, ready in ${seconds} s)`);
    if (running.demo !== undefined) {
      console.log(
        `\nDemo Recovery Center: synthetic people only. Every demo sign-in uses the password ${demoPassword}`,
      );
      for (const account of demoAccounts)
        console.log(`  ${roleLabels[account.role].padEnd(20)} ${account.email}`);
      const enrolled = demoAccounts.filter((account) => demoTwoFactorRoles.includes(account.role));
      for (const account of enrolled) {
        console.log(
          `\n${roleLabels[account.role]} sign-in asks for a two-step code: add this demo key to an authenticator app`,
        );
        console.log(`  setup key   ${base32Secret(demoTotpSecret)}`);
        console.log(`  otpauth URI ${totpUri(demoTotpSecret, account.email)}`);
      }
    }
    console.log(
      '\nProduction runs on PostgreSQL (DATABASE_URL): the embedded database is for one process on one machine.\n',
    );
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: finishing requests in flight, then stopping.`);
      running.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });

  withDatabaseFlags(program.command('migrate').description('apply pending database migrations')).action(
    async (flags: CommonFlags) => {
      const database = await openConfiguredDatabase(configFrom(flags));
      await database.close();
      console.log('The database schema is up to date.');
    },
  );

  withDatabaseFlags(
    program.command('seed-demo').description('create the demo organization if it is missing'),
  ).action(async (flags: CommonFlags) => {
    const config = configFrom(flags);
    const database = await openConfiguredDatabase(config);
    try {
      const result = await seedDemo(database.db, { authSecret: await resolveAuthSecret(config) });
      console.log(
        result.created ? 'Created the Demo Recovery Center.' : 'The Demo Recovery Center already exists.',
      );
    } finally {
      await database.close();
    }
  });

  withDatabaseFlags(
    program
      .command('backup')
      .description('write a consistent snapshot of the whole database to a file (gzip of JSON lines)')
      .argument('<file>', 'the backup file to write, e.g. tandem-2026-01-31.tandem-backup.gz'),
  ).action(async (file: string, flags: CommonFlags) => {
    const startedAt = performance.now();
    const config = configFrom(flags);
    // Opening a folder that holds no database would create one: a mistyped path must not back up nothing.
    if (
      config.databaseUrl === undefined &&
      (await dataFolderState(dataFolderPaths(config.dataDir))) === 'new'
    ) {
      throw new StartupError(
        `There is no embedded database in ${config.dataDir}: nothing to back up. Check --data-dir or TANDEM_DATA_DIR.`,
      );
    }
    const database = await openConfiguredDatabase(config);
    try {
      const summary = await backupDatabase(database.pool, file, {
        kind: database.kind,
        tandemVersion,
      });
      const size = (await stat(file)).size;
      console.log(
        `Backed up ${summary.rows} rows of ${summary.tables} tables to ${file} (${formatBytes(size)}, ${seconds(startedAt)} s). It holds patient records: store it encrypted.`,
      );
    } finally {
      await database.close();
    }
  });

  withDatabaseFlags(
    program
      .command('restore')
      .description(
        'load a backup into an empty database (the way to move from the embedded database to PostgreSQL)',
      )
      .argument('<file>', 'a file written by tandem backup')
      .option('--force', 'replace everything the target database holds'),
  ).action(async (file: string, flags: CommonFlags & { force?: boolean }) => {
    const startedAt = performance.now();
    const database = await openConfiguredDatabase(configFrom(flags));
    try {
      const summary = await restoreDatabase(database.pool, file, { force: flags.force ?? false });
      console.log(
        `Restored ${summary.rows} rows of ${summary.tables} tables from ${file} (${seconds(startedAt)} s).`,
      );
    } finally {
      await database.close();
    }
  });

  withDatabaseFlags(
    program
      .command('generate')
      .description('add synthetic patients, for demos and load tests (same seed, same people)')
      .requiredOption('--patients <count>', 'how many patients to add', parseCount)
      .option('--seed <number>', 'seed of the generator', parseSeed, 1)
      .option(
        '--organization <slug>',
        'organization to fill (default: the demo organization, created if missing)',
      )
      .option('--as-of <date>', 'ages and registration dates count back from this day', parseDate),
  ).action(
    async (flags: CommonFlags & { patients: number; seed: number; organization?: string; asOf?: Date }) => {
      const startedAt = performance.now();
      const database = await openConfiguredDatabase(configFrom(flags));
      try {
        const result = await generatePatients(database.db, {
          count: flags.patients,
          seed: flags.seed,
          ...(flags.organization === undefined ? {} : { organizationSlug: flags.organization }),
          ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }),
          onProgress: (inserted, total) => {
            if (process.stdout.isTTY) process.stdout.write(`\r${inserted} / ${total} patients`);
          },
        });
        if (process.stdout.isTTY) process.stdout.write('\n');
        console.log(
          `Added ${result.inserted} synthetic patients${result.firstMrn === undefined ? '' : ` (MRN ${result.firstMrn} on)`} with seed ${flags.seed} in ${seconds(startedAt)} s (${result.episodes} episodes of care, ${result.therapists} synthetic clinicians).`,
        );
      } finally {
        await database.close();
      }
    },
  );

  addAuditCommands(program);

  const db = program.command('db').description('database administration');
  withDatabaseFlags(
    db
      .command('create-app-role')
      .description(
        'PostgreSQL: create (or update the grants of) the login role Tandem runs as: data access, no schema changes, audit trail append-only',
      )
      .argument('<name>', 'the role name, e.g. tandem_app'),
  ).action(async (name: string, flags: CommonFlags) => {
    const config = configFrom(flags);
    if (config.databaseUrl === undefined) {
      throw new StartupError(
        'create-app-role is for PostgreSQL (--database-url or DATABASE_URL, connected as the schema owner); the embedded database has a single user.',
      );
    }
    const database = await openConfiguredDatabase(config);
    try {
      const { created } = await createAppRole(database.pool, name);
      console.log(
        `${created ? 'Created' : 'Updated the grants of'} the role ${name}. Give it a password (psql: \\password ${name}) and run Tandem with it in DATABASE_URL; run migrations as the owner, then this command again.`,
      );
    } finally {
      await database.close();
    }
  });

  return program;
}

function seconds(startedAt: number): string {
  return ((performance.now() - startedAt) / 1000).toFixed(1);
}

/** Expected failures print one line that says what to fix; anything else is a bug and keeps its stack. */
export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    if (error instanceof StartupError || error instanceof ConfigError || error instanceof MigrationError) {
      console.error(`tandem: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
