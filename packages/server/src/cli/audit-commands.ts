import type { KeyObject } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { StartupError } from '../app/startup-error.ts';
import {
  checkpointLines,
  type ExportedCheckpoint,
  readCheckpointFile,
  writeCheckpointFile,
} from '../audit/checkpoint-file.ts';
import { checkpointRepository } from '../audit/checkpoint-repository.ts';
import { writeCheckpoints } from '../audit/checkpoints.ts';
import { auditRepository } from '../audit/repository.ts';
import {
  parsePublicKey,
  publicKeyId,
  publicKeyPem,
  readSigningKey,
  resolveSigningKey,
  signingKeyFileName,
} from '../audit/signing-key.ts';
import { describeVerification, UnknownOrganizationError, verifyAuditTrail } from '../audit/verify.ts';
import { openConfiguredDatabase } from '../db/open-database.ts';
import { type CommonFlags, configFrom, withDatabaseFlags } from './database-flags.ts';

type OrganizationFlags = CommonFlags & { organization?: string };

const collect = (value: string, previous: string[]) => [...previous, value];

/** `tandem audit ...`: verify the trail, sign and export its checkpoints, show the public key. */
export function addAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit trail');

  withDatabaseFlags(
    audit
      .command('verify')
      .description(
        'recompute every audit chain, name the first edited, deleted or reordered event, and hold each chain to its signed checkpoints',
      )
      .option('--organization <slug>', 'verify this organization only')
      .option(
        '--public-key <file>',
        'also trust checkpoints signed by this Ed25519 public key (PEM); repeatable',
        collect,
        [],
      )
      .option(
        '--checkpoints <file>',
        'also check the checkpoints of this export (tandem audit checkpoints export), trusting the keys it holds; repeatable',
        collect,
        [],
      ),
  ).action(async (flags: OrganizationFlags & { publicKey: string[]; checkpoints: string[] }) => {
    const config = configFrom(flags);
    const trustedKeys = new Map<string, KeyObject>();
    const local = await readSigningKey(config);
    if (local !== undefined) trustedKeys.set(local.keyId, local.publicKey);
    for (const file of flags.publicKey) {
      const key = await readPublicKeyFile(file);
      trustedKeys.set(publicKeyId(key), key);
    }
    const exported = [];
    for (const file of flags.checkpoints) {
      const { checkpoints, publicKeys } = await readCheckpointFile(file);
      exported.push(...checkpoints);
      for (const [keyId, key] of publicKeys) trustedKeys.set(keyId, key);
    }
    const database = await openConfiguredDatabase(config);
    try {
      const result = await verifyAuditTrail(database.db, {
        ...(flags.organization === undefined ? {} : { organizationSlug: flags.organization }),
        trustedKeys,
        checkpoints: exported,
      });
      if (result.broken === undefined) {
        console.log(describeVerification(result));
      } else {
        console.error(describeVerification(result));
        process.exitCode = 1;
      }
    } catch (error) {
      if (error instanceof UnknownOrganizationError) throw new StartupError(error.message);
      throw error;
    } finally {
      await database.close();
    }
  });

  withDatabaseFlags(
    audit
      .command('checkpoint')
      .description(
        'sign a checkpoint of every audit chain that moved since its last one (the server does so every TANDEM_AUDIT_CHECKPOINT_MINUTES)',
      )
      .option('--organization <slug>', 'this organization only'),
  ).action(async (flags: OrganizationFlags) => {
    const config = configFrom(flags);
    await mkdir(config.dataDir, { recursive: true });
    const key = await resolveSigningKey(config);
    const database = await openConfiguredDatabase(config);
    try {
      const slugs = await organizationSlugs(database.db, flags.organization);
      const written = await writeCheckpoints(database.db, key, {
        ...(flags.organization === undefined ? {} : { organizationId: [...slugs.keys()][0] }),
      });
      if (written.length === 0) console.log('No audit chain moved since its last checkpoint.');
      for (const checkpoint of written) {
        console.log(
          `Signed a checkpoint of ${slugs.get(checkpoint.organizationId)} at sequence ${checkpoint.sequence} (key ${checkpoint.keyId}).`,
        );
      }
    } finally {
      await database.close();
    }
  });

  withDatabaseFlags(
    audit
      .command('checkpoints')
      .description('signed checkpoints of the audit chains')
      .command('export')
      .description(
        'write the signed checkpoints as JSON lines, to keep off the database (- for standard output)',
      )
      .argument('<file>', 'the file to write, e.g. tandem-checkpoints-2026-01-31.jsonl')
      .option('--organization <slug>', 'this organization only'),
  ).action(async (file: string, flags: OrganizationFlags) => {
    const config = configFrom(flags);
    const key = await readSigningKey(config);
    const database = await openConfiguredDatabase(config);
    try {
      const slugs = await organizationSlugs(database.db, flags.organization);
      const organizationId = flags.organization === undefined ? undefined : [...slugs.keys()][0];
      const checkpoints: ExportedCheckpoint[] = (
        await checkpointRepository(database.db).list(organizationId)
      ).map((checkpoint) => ({
        ...checkpoint,
        organizationSlug: slugs.get(checkpoint.organizationId) ?? '',
        ...(checkpoint.keyId === key?.keyId ? { publicKey: publicKeyPem(key.publicKey) } : {}),
      }));
      if (file === '-') {
        process.stdout.write(checkpointLines(checkpoints));
      } else {
        await writeCheckpointFile(file, checkpoints);
        console.log(
          `Exported ${checkpoints.length} signed checkpoints to ${file}. Keep it where the database's owner cannot write.`,
        );
      }
    } finally {
      await database.close();
    }
  });

  withDatabaseFlags(
    audit.command('public-key').description('print the public key that checks the audit checkpoints (PEM)'),
  ).action(async (flags: CommonFlags) => {
    const key = await readSigningKey(configFrom(flags));
    if (key === undefined) {
      throw new StartupError(
        `There is no audit signing key: TANDEM_AUDIT_SIGNING_KEY is unset and the data folder has no ${signingKeyFileName}.`,
      );
    }
    process.stdout.write(publicKeyPem(key.publicKey));
  });
}

async function readPublicKeyFile(file: string): Promise<KeyObject> {
  const pem = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new StartupError(`Cannot read the public key file ${file} (${error.code}).`);
  });
  try {
    return parsePublicKey(pem);
  } catch {
    throw new StartupError(`${file} is not an Ed25519 public key in PEM form.`);
  }
}

/** Organization ids to slugs; refuses an unknown slug. */
async function organizationSlugs(
  db: Parameters<typeof auditRepository>[0],
  slug: string | undefined,
): Promise<Map<string, string>> {
  const organizations = await auditRepository(db).organizations(slug);
  if (slug !== undefined && organizations.length === 0) {
    throw new StartupError(new UnknownOrganizationError(slug).message);
  }
  return new Map(organizations.map((organization) => [organization.id, organization.slug]));
}
