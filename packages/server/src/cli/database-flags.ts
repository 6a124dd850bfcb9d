import type { Command } from 'commander';
import { type ConfigInput, loadConfig } from '../config/config.ts';

export interface CommonFlags {
  port?: number;
  dataDir?: string;
  databaseUrl?: string;
}

export function withDatabaseFlags(command: Command): Command {
  return command
    .option('--data-dir <path>', 'embedded database folder (TANDEM_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'PostgreSQL connection string (DATABASE_URL); unset: embedded database');
}

export function configFrom(flags: CommonFlags & { demo?: boolean }) {
  const input: Partial<ConfigInput> = {
    port: flags.port,
    dataDir: flags.dataDir,
    databaseUrl: flags.databaseUrl,
    demo: flags.demo,
  };
  return loadConfig(input);
}
