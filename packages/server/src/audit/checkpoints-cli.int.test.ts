import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTandem } from '../app/start.ts';
import { parseConfig } from '../config/config.ts';
import { appendEvents, auditedOrganization, rewriteChain } from '../testing/audit-tampering.ts';
import { runTandemCli } from '../testing/cli-process.ts';
import { type CliTarget, createCliTarget } from '../testing/cli-target.ts';
import { checkpointRepository } from './checkpoint-repository.ts';
import { readSigningKey, signingKeyFileName } from './signing-key.ts';
import { verifyAuditTrail } from './verify.ts';

describe('tandem audit verify with signed checkpoints', () => {
  let target: CliTarget;
  beforeAll(async () => {
    target = await createCliTarget();
  });
  afterAll(() => target?.drop());

  const tandem = (args: string[], environment: Record<string, string> = {}) =>
    runTandemCli(['audit', ...args, ...target.flags], environment);

  /** Another installation's key: what `tandem audit verify` holds when the local key is not the signer. */
  const strangerKey = generateKeyPairSync('ed25519')
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString();

  it('detects a chain the database owner edited and recomputed to the head, naming the checkpoint', {
    timeout: 180_000,
  }, async () => {
    const events = await target.withDatabase((database) => auditedOrganization(database, 'clinic'));
    const organizationId = events[0]?.organizationId;

    const signed = await tandem(['checkpoint']);
    expect(signed.stderr).toBe('');
    expect(signed.stdout).toMatch(/^Signed a checkpoint of clinic at sequence 10 \(key [0-9a-f]{16}\)\.\n$/);
    expect((await tandem(['checkpoint'])).stdout).toBe('No audit chain moved since its last checkpoint.\n');

    const intact = await tandem(['verify']);
    expect(intact.stderr).toBe('');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toBe(
      'audit trail intact: 10 events in 1 organizations; 1 signed checkpoints match\n',
    );

    // The reviewer's attack: as the owner, past the trigger, edit event 4 and recompute the chain to its head.
    await target.withDatabase((database) => rewriteChain(database, organizationId as string, 4, 'admin'));
    const rewritten = await tandem(['verify']);
    expect(rewritten.code).toBe(1);
    expect(rewritten.stderr).toMatch(
      new RegExp(
        `^audit trail broken in organization clinic \\(${organizationId}\\) at sequence 10 \\(id ${events[9]?.id}\\): rewritten, the chain's hash at sequence 10 is not the one signed by the checkpoint of .* events 1 to 10 were changed and the chain recomputed\\n$`,
      ),
    );

    // Checked under the public key alone, on a machine that holds another key.
    const publicKey = await tandem(['public-key']);
    expect(publicKey.stdout).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    const publicKeyFile = path.join(target.folder, 'audit-public-key.pem');
    await writeFile(publicKeyFile, publicKey.stdout);
    const elsewhere = { TANDEM_AUDIT_SIGNING_KEY: strangerKey };
    expect((await tandem(['verify'], elsewhere)).stderr).toMatch(/: forged, .* does not trust/);
    const withPublicKey = await tandem(['verify', '--public-key', publicKeyFile], elsewhere);
    expect(withPublicKey.code).toBe(1);
    expect(withPublicKey.stderr).toMatch(/at sequence 10 .*: rewritten, /);
  });

  it('detects, with an exported checkpoint file, a rewrite that also deleted the checkpoint rows', {
    timeout: 180_000,
  }, async () => {
    const events = await target.withDatabase((database) => auditedOrganization(database, 'moved'));
    const organizationId = events[0]?.organizationId as string;
    await tandem(['checkpoint', '--organization', 'moved']);
    const file = path.join(target.folder, 'checkpoints.jsonl');
    const exported = await tandem(['checkpoints', 'export', file, '--organization', 'moved']);
    expect(exported.stdout).toMatch(/^Exported 1 signed checkpoints to .*checkpoints\.jsonl\./);
    expect(JSON.parse((await readFile(file, 'utf8')).trim())).toMatchObject({
      organizationId,
      organizationSlug: 'moved',
      sequence: 10,
      headHash: events[9]?.hash,
      publicKey: expect.stringMatching(/^-----BEGIN PUBLIC KEY-----/),
    });

    await target.withDatabase((database) =>
      rewriteChain(database, organizationId, 2, 'admin', [
        `DELETE FROM audit_checkpoints WHERE organization_id = '${organizationId}'`,
      ]),
    );
    // What the database alone can still tell: nothing.
    const databaseOnly = await tandem(['verify', '--organization', 'moved']);
    expect(databaseOnly.code).toBe(0);
    expect(databaseOnly.stdout).toMatch(/no signed checkpoint yet/);

    // The export carries its public key: it needs no key on the machine that verifies.
    const withExport = await tandem(['verify', '--organization', 'moved', '--checkpoints', file], {
      TANDEM_AUDIT_SIGNING_KEY: strangerKey,
    });
    expect(withExport.code).toBe(1);
    expect(withExport.stderr).toMatch(
      /^audit trail broken in organization moved .* at sequence 10 .*: rewritten, /,
    );
  });

  it('refuses an exported line whose public key is not the key it names', async () => {
    const file = path.join(target.folder, 'borrowed.jsonl');
    const line = {
      organizationId: '01a2470a-90eb-7e86-84f7-4fda404f3682',
      sequence: 1,
      headHash: '0'.repeat(64),
      signedAt: '2026-12-05T12:00:00.000000Z',
      keyId: '0123456789abcdef',
      signature: 'A'.repeat(88),
      publicKey: generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    };
    await writeFile(file, `${JSON.stringify(line)}\n`);
    const refused = await tandem(['verify', '--checkpoints', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /borrowed\.jsonl line 1 is not a Tandem checkpoint: its publicKey is not the key of its keyId/,
    );
  });

  it('the server signs the heads that moved on its timer and at shutdown, with the data folder key', {
    timeout: 180_000,
  }, async () => {
    const config = parseConfig({
      dataDir: target.dataDir,
      databaseUrl: target.databaseUrl,
      port: 0,
      host: '127.0.0.1',
      logLevel: 'silent',
      auditCheckpointMinutes: 0.005,
    });
    const running = await startTandem(config);
    const { id } = await running.database.db
      .insertInto('organizations')
      .values({ name: 'served', slug: 'served' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const signed = async () =>
      (await checkpointRepository(running.database.db).list(id)).map((checkpoint) => checkpoint.sequence);
    try {
      await appendEvents(running.database, id, [1, 2, 3]);
      await vi.waitFor(async () => expect(await signed()).toEqual([3]), { timeout: 20_000 });
      await appendEvents(running.database, id, [4]);
    } finally {
      await running.close();
    }
    const key = await readSigningKey(config);
    expect(key).toBeDefined();
    // Readable by Tandem's user only, like the auth secret beside it.
    expect((await stat(path.join(target.dataDir, signingKeyFileName))).mode & 0o777).toBe(0o600);
    await target.withDatabase(async (database) => {
      expect(
        (await checkpointRepository(database.db).list(id)).map((checkpoint) => checkpoint.sequence),
      ).toEqual([3, 4]);
      expect(
        await verifyAuditTrail(database.db, {
          organizationSlug: 'served',
          trustedKeys: new Map([[key?.keyId as string, key?.publicKey as KeyObject]]),
        }),
      ).toMatchObject({ events: 4, checkpoints: 2, broken: undefined });
    });
  });
});
