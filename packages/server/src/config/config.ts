import path from 'node:path';
import { z } from 'zod';
import { parseSigningKey } from '../audit/signing-key.ts';

/**
 * The one place that reads the environment. Flags given on the command line win over environment variables.
 * Anything invalid stops the start with one readable line (see ConfigError).
 */
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const logFormats = ['auto', 'pretty', 'json'] as const;

const smtpUrlProblem =
  'must be smtp://[user:password@]host[:port] or smtps://[user:password@]host[:port] (password percent-encoded)';

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
  // The address is validated by smtpSettings, whose messages never repeat it (it may hold a password).
  smtpUrl: z.string().refine(isSmtpUrl, smtpUrlProblem).optional(),
  mailFrom: z
    .string()
    .refine(isMailFrom, 'must be an email address, optionally with a name: Tandem <tandem@example.org>')
    .optional(),
  // 0 turns the delivery worker off (tests deliver by hand); fractions let tests watch a retry.
  mailDeliverySeconds: z.coerce.number().min(0).max(3600).default(15),
});

function isSmtpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (
      (url.protocol === 'smtp:' || url.protocol === 'smtps:') &&
      url.hostname !== '' &&
      (url.pathname === '' || url.pathname === '/')
    );
  } catch {
    return false;
  }
}

const mailFromPattern = /^(?:[^<>@\r\n]*<[^<>@\s]+@[^<>@\s]+\.?[^<>@\s]*>|[^<>@\s]+@[^<>@\s]+)$/;

function isMailFrom(text: string): boolean {
  return mailFromPattern.test(text.trim());
}

/** Where mail leaves from: an SMTP server, as nodemailer takes it. The password is never logged or shown. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** smtps: TLS from the first byte (usually port 465); smtp: STARTTLS when the server offers it. */
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
}

function smtpSettings(text: string): SmtpSettings {
  const url = new URL(text);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port === '' ? (secure ? 465 : 587) : Number(url.port),
    secure,
    user: url.username === '' ? undefined : decodeURIComponent(url.username),
    password: url.password === '' ? undefined : decodeURIComponent(url.password),
  };
}

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
  /** Unset: nothing is mailed; the outbox is read by administrators in the app. */
  smtp: SmtpSettings | undefined;
  /** The From of every message (default: Tandem <tandem@ the public address's host>). */
  mailFrom: string;
  /** How often each process delivers what is due in the outbox; 0: only on demand (tests). */
  mailDeliverySeconds: number;
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
  smtpUrl: 'TANDEM_SMTP_URL',
  mailFrom: 'TANDEM_MAIL_FROM',
  mailDeliverySeconds: 'TANDEM_MAIL_DELIVERY_SECONDS',
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
  const publicUrl = (value.publicUrl ?? `http://${hostForUrl}:${value.port}`).replace(/\/$/, '');
  return {
    port: value.port,
    host: value.host,
    databaseUrl: value.databaseUrl,
    dataDir: path.resolve(cwd, value.dataDir),
    publicUrl,
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
    smtp: value.smtpUrl === undefined ? undefined : smtpSettings(value.smtpUrl),
    mailFrom: value.mailFrom?.trim() ?? `Tandem <tandem@${new URL(publicUrl).hostname}>`,
    mailDeliverySeconds: value.mailDeliverySeconds,
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
