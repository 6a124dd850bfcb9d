import { roleLabels } from '@tandem/core';
import { Command, InvalidArgumentError } from 'commander';
import { startTandem } from '../app/start.ts';
import { StartupError } from '../app/startup-error.ts';
import { tandemVersion } from '../app/version.ts';
import { ConfigError, type ConfigInput, loadConfig } from '../config/config.ts';
import { MigrationError } from '../db/migrate.ts';
import { openConfiguredDatabase } from '../db/open-database.ts';
import { demoAccounts, demoPassword } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/seed-demo.ts';

interface CommonFlags {
  port?: number;
  dataDir?: string;
  databaseUrl?: string;
}

function withDatabaseFlags(command: Command): Command {
  return command
    .option('--data-dir <path>', 'embedded database folder (TANDEM_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'PostgreSQL connection string (DATABASE_URL); unset: embedded database');
}

function configFrom(flags: CommonFlags & { demo?: boolean }) {
  const input: Partial<ConfigInput> = {
    port: flags.port,
    dataDir: flags.dataDir,
    databaseUrl: flags.databaseUrl,
    demo: flags.demo,
  };
  return loadConfig(input);
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
    const database = await openConfiguredDatabase(configFrom(flags));
    try {
      const result = await seedDemo(database.db);
      console.log(
        result.created ? 'Created the Demo Recovery Center.' : 'The Demo Recovery Center already exists.',
      );
    } finally {
      await database.close();
    }
  });

  return program;
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
