import path from 'node:path';
import { z } from 'zod';
import { parseSigningKey } from '../audit/signing-key.ts';

/**
 * The one place that reads the environment. Flags given on the command line win over environment variables.
 * Anything invalid stops the start with one readable line (see ConfigError).
 */
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const logFormats = ['auto', 'pretty', 'json'] as const;

const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().min(1).default('localhost'),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  dataDir: z.string().min(1).default('./data'),
  publicUrl: z.url().optional(),
  authSecret: z.string().min(32, 'must be at least 32 characters').optional(),
  logLevel: z.enum(logLevels).default('info'),
  logFormat: z.enum(logFormats).default('auto'),
  sessionCacheSeconds: z.coerce.number().int().min(0).max(60).default(5),
  // Fractions are allowed (0.25 = 15 seconds) so that tests can watch a session time out.
  idleTimeoutMinutes: z.coerce
    .number()
    .min(0.05)
    .max(24 * 60)
    .default(15),
  sessionMaxHours: z.coerce
    .number()
    .min(0.01)
    .max(30 * 24)
    .default(12),
  webDistDir: z.string().optional(),
  demo: z.boolean().default(false),
  auditSigningKey: z
    .string()
    .refine(isSigningKey, 'must be an Ed25519 private key, PKCS#8 PEM or its DER in base64')
    .optional(),
  // 0 turns the periodic checkpoints off; fractions let tests watch one being written.
  auditCheckpointMinutes: z.coerce
    .number()
    .min(0)
    .max(24 * 60)
    .default(10),
});

function isSigningKey(text: string): boolean {
  try {
    parseSigningKey(text);
    return true;
  } catch {
    return false;
  }
}

export type ConfigInput = z.input<typeof configSchema>;

export interface Config {
  port: number;
  host: string;
  /** Unset: the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  /** Absolute path of the data folder (embedded database, lock file, generated secret). */
  dataDir: string;
  /** The origin browsers use to reach Tandem; trusted for CSRF and cookie checks. */
  publicUrl: string;
  authSecret: string | undefined;
  logLevel: (typeof logLevels)[number];
  /** `auto`: one human line per request when stdout is a terminal, JSON lines otherwise. */
  logFormat: (typeof logFormats)[number];
  sessionCacheSeconds: number;
  /** A session with no authenticated request for this long ends (the web app warns a minute before). */
  idleTimeoutMinutes: number;
  /** A session ends this long after sign-in however active it is (absolute lifetime). */
  sessionMaxHours: number;
  webDistDir: string | undefined;
  demo: boolean;
  /** Signs audit checkpoints (PEM or base64 PKCS#8); unset: generated into the data folder. */
  auditSigningKey: string | undefined;
  /** How often the server signs a checkpoint of each audit chain that moved; 0: only on demand. */
  auditCheckpointMinutes: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const environmentNames: Record<keyof ConfigInput, string> = {
  port: 'PORT',
  host: 'HOST',
  databaseUrl: 'DATABASE_URL',
  dataDir: 'TANDEM_DATA_DIR',
  publicUrl: 'TANDEM_PUBLIC_URL',
  authSecret: 'TANDEM_AUTH_SECRET',
  logLevel: 'LOG_LEVEL',
  logFormat: 'TANDEM_LOG_FORMAT',
  sessionCacheSeconds: 'TANDEM_SESSION_CACHE_SECONDS',
  idleTimeoutMinutes: 'TANDEM_IDLE_TIMEOUT_MINUTES',
  sessionMaxHours: 'TANDEM_SESSION_MAX_HOURS',
  webDistDir: 'TANDEM_WEB_DIST',
  demo: 'TANDEM_DEMO',
  auditSigningKey: 'TANDEM_AUDIT_SIGNING_KEY',
  auditCheckpointMinutes: 'TANDEM_AUDIT_CHECKPOINT_MINUTES',
};

/** Documented in the README; kept here so the two cannot drift. */
export const environmentVariables = Object.values(environmentNames);

export function parseConfig(input: ConfigInput, cwd = process.cwd()): Config {
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = (issue?.path[0] ?? 'config') as keyof ConfigInput;
    throw new ConfigError(
      `Invalid ${environmentNames[key] ?? String(key)}: ${issue?.message ?? 'invalid value'}`,
    );
  }
  const value = parsed.data;
  const hostForUrl = value.host === '0.0.0.0' || value.host === '::' ? 'localhost' : value.host;
  return {
    port: value.port,
    host: value.host,
    databaseUrl: value.databaseUrl,
    dataDir: path.resolve(cwd, value.dataDir),
    publicUrl: (value.publicUrl ?? `http://${hostForUrl}:${value.port}`).replace(/\/$/, ''),
    authSecret: value.authSecret,
    logLevel: value.logLevel,
    logFormat: value.logFormat,
    sessionCacheSeconds: value.sessionCacheSeconds,
    idleTimeoutMinutes: value.idleTimeoutMinutes,
    sessionMaxHours: value.sessionMaxHours,
    webDistDir: value.webDistDir === undefined ? undefined : path.resolve(cwd, value.webDistDir),
    demo: value.demo,
    auditSigningKey: value.auditSigningKey,
    auditCheckpointMinutes: value.auditCheckpointMinutes,
  };
}

/** Reads the environment, then lets explicit flags override it. */
export function loadConfig(
  flags: Partial<ConfigInput> = {},
  environment: NodeJS.ProcessEnv = process.env,
): Config {
  const fromEnvironment: Partial<Record<keyof ConfigInput, unknown>> = {};
  for (const [key, name] of Object.entries(environmentNames) as [keyof ConfigInput, string][]) {
    const raw = environment[name];
    if (raw !== undefined && raw !== '') fromEnvironment[key] = raw;
  }
  if (typeof fromEnvironment.demo === 'string') fromEnvironment.demo = fromEnvironment.demo === 'true';
  // A production process logs for machines even when started from a terminal.
  if (fromEnvironment.logFormat === undefined && environment.NODE_ENV === 'production') {
    fromEnvironment.logFormat = 'json';
  }
  const definedFlags = Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
  return parseConfig({ ...fromEnvironment, ...definedFlags } as ConfigInput);
}
