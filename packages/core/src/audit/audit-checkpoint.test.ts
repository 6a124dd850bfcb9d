import { describe, expect, it } from 'vitest';
import { type AuditEvent, type ChainedAuditEvent, chainEvents, genesisHash } from './audit-chain.ts';
import {
  type AuditCheckpoint,
  canonicalAuditCheckpoint,
  createCheckpointMatcher,
} from './audit-checkpoint.ts';

const organizationId = '019ab000-0000-7000-8000-000000000001';

function event(index: number, resourceId = `r-${index}`): Omit<AuditEvent, 'sequence'> {
  return {
    organizationId,
    id: `019ab000-0000-7000-8000-${String(index).padStart(12, '0')}`,
    occurredAt: '2026-11-23T12:00:00.000123Z',
    actorUserId: null,
    actorRole: 'clinician',
    patientId: null,
    action: 'read',
    resourceType: 'patient',
    resourceId,
    fieldsChanged: null,
    ipAddress: null,
    userAgent: null,
    outcome: 'allowed',
    reason: null,
  };
}

const chain = (edited?: number): ChainedAuditEvent[] =>
  chainEvents(
    { lastSequence: 0, lastHash: genesisHash },
    Array.from({ length: 10 }, (_, index) =>
      event(index + 1, index + 1 === edited ? 'someone-else' : `r-${index + 1}`),
    ),
  );

function checkpointOf(events: ChainedAuditEvent[], sequence: number): AuditCheckpoint {
  return {
    organizationId,
    sequence,
    headHash: events[sequence - 1]?.hash ?? genesisHash,
    signedAt: '2026-11-23T12:10:00.000000Z',
    keyId: '0123456789abcdef',
  };
}

function firstBreak(events: ChainedAuditEvent[], checkpoints: AuditCheckpoint[]) {
  const matcher = createCheckpointMatcher(checkpoints);
  for (const chained of events) {
    const found = matcher.next(chained);
    if (found !== undefined) return found;
  }
  return matcher.finish(events.at(-1)?.sequence ?? 0);
}

describe('canonicalAuditCheckpoint', () => {
  it('covers every field, in a fixed order, under a versioned prefix', () => {
    expect(canonicalAuditCheckpoint(checkpointOf(chain(), 3))).toBe(
      `tandem/audit-checkpoint/v1\n{"organizationId":"${organizationId}","sequence":3,"headHash":"${chain()[2]?.hash}","signedAt":"2026-11-23T12:10:00.000000Z","keyId":"0123456789abcdef"}`,
    );
  });
});

describe('createCheckpointMatcher', () => {
  it('passes a chain that still has every signed hash', () => {
    const events = chain();
    const checkpoints = [checkpointOf(events, 8), checkpointOf(events, 4), checkpointOf(events, 4)];
    const matcher = createCheckpointMatcher(checkpoints);
    for (const chained of events) expect(matcher.next(chained)).toBeUndefined();
    expect(matcher.finish(10)).toBeUndefined();
    expect(matcher.matched).toBe(3);
  });

  it('names the first checkpoint after an edit whose chain was recomputed to the head', () => {
    const signed = chain();
    // The recomputed chain is intact on its own: only the signed hashes tell.
    const rewritten = chain(6);
    expect(firstBreak(rewritten, [checkpointOf(signed, 4), checkpointOf(signed, 8)])).toMatchObject({
      sequence: 8,
      id: rewritten[7]?.id,
      reason: 'rewritten',
      detail: expect.stringContaining('events 5 to 8 were changed'),
    });
  });

  it('names a checkpoint beyond the end of a chain whose last events were removed', () => {
    const signed = chain();
    expect(firstBreak(signed.slice(0, 7), [checkpointOf(signed, 9)])).toMatchObject({
      sequence: 9,
      id: null,
      reason: 'truncated',
      detail: expect.stringContaining('events 8 to 9 are missing'),
    });
  });
});
