import { generateKeyPairSync } from 'node:crypto';
import { verifyChain } from '@tandem/core/audit/audit-chain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appendEvents, auditedOrganization, rewriteChain, tamper } from '../testing/audit-tampering.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { checkpointRepository } from './checkpoint-repository.ts';
import { startCheckpointSchedule } from './checkpoint-schedule.ts';
import { signCheckpoint, writeCheckpoints } from './checkpoints.ts';
import { auditRepository } from './repository.ts';
import { signingKeyFrom } from './signing-key.ts';
import { verifyAuditTrail } from './verify.ts';

const newKey = () => signingKeyFrom(generateKeyPairSync('ed25519').privateKey);

describe('signed audit checkpoints', () => {
  let database: TestDatabase;
  const key = newKey();
  const trustedKeys = new Map([[key.keyId, key.publicKey]]);

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  /** An organization of 10 events with checkpoints signed at sequences 7 and 10. */
  async function checkpointedOrganization(slug: string) {
    const events = await auditedOrganization(database, slug, [
      [1, 2, 3],
      [4, 5, 6, 7],
    ]);
    const organizationId = events[0]?.organizationId as string;
    await writeCheckpoints(database.db, key, { organizationId });
    events.push(...(await appendEvents(database, organizationId, [8, 9, 10])));
    await writeCheckpoints(database.db, key, { organizationId });
    return { events, organizationId };
  }

  it('signs a chain head only when it moved, and passes an untouched chain with its checkpoints', async () => {
    const { organizationId, events } = await checkpointedOrganization('untouched');
    expect(await writeCheckpoints(database.db, key, { organizationId })).toEqual([]);
    expect(await checkpointRepository(database.db).list(organizationId)).toMatchObject([
      { sequence: 7, headHash: events[6]?.hash, keyId: key.keyId },
      { sequence: 10, headHash: events[9]?.hash, keyId: key.keyId },
    ]);
    expect(await verifyAuditTrail(database.db, { organizationSlug: 'untouched', trustedKeys })).toEqual({
      organizations: 1,
      events: 10,
      checkpoints: 2,
      broken: undefined,
    });
  });

  it('detects a chain the database owner edited and recomputed to the head, naming the checkpoint', async () => {
    const { organizationId, events } = await checkpointedOrganization('rewritten');
    await rewriteChain(database, organizationId, 5, 'admin');
    // The reviewer's finding: the recomputed chain is intact as a hash chain, up to its head.
    const audit = auditRepository(database.db);
    expect(
      verifyChain(await audit.eventsAfter(organizationId, 0, 100), await audit.chainHead(organizationId)),
    ).toBe(undefined);

    expect(
      (await verifyAuditTrail(database.db, { organizationSlug: 'rewritten', trustedKeys })).broken,
    ).toMatchObject({
      organizationSlug: 'rewritten',
      sequence: 7,
      id: events[6]?.id,
      reason: 'rewritten',
      detail: expect.stringMatching(
        /^the chain's hash at sequence 7 is not the one signed .*events 1 to 7 were changed/,
      ),
    });
  });

  it('detects signed events removed from the end of the chain, head rewound with them', async () => {
    const { organizationId } = await checkpointedOrganization('cut');
    const { rows } = await database.pool.query<{ hash: string }>(
      `SELECT hash FROM audit_events WHERE organization_id = $1 AND sequence = 8`,
      [organizationId],
    );
    await tamper(database, [
      `DELETE FROM audit_events WHERE organization_id = '${organizationId}' AND sequence > 8`,
      'ALTER TABLE audit_chain_heads DISABLE TRIGGER audit_chain_heads_forward_only',
      `UPDATE audit_chain_heads SET last_sequence = 8, last_hash = '${rows[0]?.hash}' WHERE organization_id = '${organizationId}'`,
      'ALTER TABLE audit_chain_heads ENABLE TRIGGER audit_chain_heads_forward_only',
    ]);
    expect(
      (await verifyAuditTrail(database.db, { organizationSlug: 'cut', trustedKeys })).broken,
    ).toMatchObject({
      sequence: 10,
      id: null,
      reason: 'truncated',
    });
  });

  it('refuses a forged checkpoint row whose signature is not the key it names', async () => {
    const { organizationId, events } = await checkpointedOrganization('forged');
    // Claims the trusted key's id, signed with another key: what someone without the key can do.
    const forged = {
      ...signCheckpoint(newKey(), {
        organizationId,
        sequence: 9,
        headHash: events[8]?.hash as string,
        signedAt: '2026-12-05T12:00:00.000000Z',
      }),
      keyId: key.keyId,
    };
    await checkpointRepository(database.db).insert(forged);
    expect(
      (await verifyAuditTrail(database.db, { organizationSlug: 'forged', trustedKeys })).broken,
    ).toMatchObject({
      sequence: 9,
      reason: 'forged',
      detail: expect.stringMatching(/signature .* does not verify/),
    });
  });

  it('refuses checkpoints signed by a key the verification does not trust', async () => {
    await checkpointedOrganization('stranger');
    const stranger = newKey();
    expect(
      (
        await verifyAuditTrail(database.db, {
          organizationSlug: 'stranger',
          trustedKeys: new Map([[stranger.keyId, stranger.publicKey]]),
        })
      ).broken,
    ).toMatchObject({ sequence: 7, reason: 'forged', detail: expect.stringContaining('does not trust') });
  });

  it('refuses to change, delete or empty the checkpoints, even to the owner (trigger)', async () => {
    const { organizationId } = await checkpointedOrganization('append-only');
    // Each in a transaction of its own: PGlite's pg adapter can lose track of a bare statement after an error.
    const run = (statement: string) =>
      database.db.transaction().execute((trx) => sql.raw(statement).execute(trx));
    const only = `WHERE organization_id = '${organizationId}'`;
    await expect(run(`UPDATE audit_checkpoints SET sequence = 3 ${only}`)).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(run(`DELETE FROM audit_checkpoints ${only}`)).rejects.toThrow(/append-only: DELETE/);
    await expect(run('TRUNCATE audit_checkpoints')).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await checkpointRepository(database.db).list(organizationId)).toHaveLength(2);
  });

  it('signs the moved heads on a timer, and once more at stop', async () => {
    const events = await auditedOrganization(database, 'scheduled', [[1, 2, 3]]);
    const organizationId = events[0]?.organizationId as string;
    const errors: unknown[] = [];
    const schedule = startCheckpointSchedule({
      db: database.db,
      key,
      intervalMs: 20,
      onError: (error) => errors.push(error),
    });
    const signedSequences = async () =>
      (await checkpointRepository(database.db).list(organizationId)).map((checkpoint) => checkpoint.sequence);
    await vi.waitFor(async () => expect(await signedSequences()).toEqual([3]), { timeout: 10_000 });
    await appendEvents(database, organizationId, [4, 5]);
    await vi.waitFor(async () => expect(await signedSequences()).toEqual([3, 5]), { timeout: 10_000 });
    await schedule.stop();
    await appendEvents(database, organizationId, [6]);
    // Stopped: no timer is left to sign this one.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await signedSequences()).toEqual([3, 5]);
    expect(errors).toEqual([]);
  });

  it('signs the events of the last requests when it stops, even with the timer off', async () => {
    const events = await auditedOrganization(database, 'at-shutdown', [[1, 2]]);
    const schedule = startCheckpointSchedule({ db: database.db, key, intervalMs: 0, onError: () => {} });
    await schedule.stop();
    expect(await checkpointRepository(database.db).list(events[0]?.organizationId)).toMatchObject([
      { sequence: 2, headHash: events[1]?.hash },
    ]);
  });
});
