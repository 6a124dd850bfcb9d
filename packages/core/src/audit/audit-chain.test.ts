import { describe, expect, it } from 'vitest';
import {
  type AuditEvent,
  type ChainedAuditEvent,
  canonicalAuditEvent,
  canonicalTimestamp,
  chainEvents,
  chainHash,
  genesisHash,
  verifyChain,
} from './audit-chain.ts';

const organizationId = '019ab000-0000-7000-8000-000000000001';

function event(index: number): Omit<AuditEvent, 'sequence'> {
  return {
    organizationId,
    id: `019ab000-0000-7000-8000-${String(index).padStart(12, '0')}`,
    occurredAt: `2026-11-23T12:00:${String(index % 60).padStart(2, '0')}.000123Z`,
    actorUserId: '019ab000-0000-7000-8000-0000000000aa',
    actorRole: 'clinician',
    patientId: index % 2 === 0 ? '019ab000-0000-7000-8000-0000000000bb' : null,
    action: index % 3 === 0 ? 'update' : 'read',
    resourceType: 'patient',
    resourceId: `r-${index}`,
    fieldsChanged: index % 3 === 0 ? ['phone', 'email'] : null,
    ipAddress: '192.0.2.7',
    userAgent: 'Mozilla/5.0',
    outcome: 'allowed',
    reason: null,
  };
}

function chain(length: number): ChainedAuditEvent[] {
  return chainEvents(
    { lastSequence: 0, lastHash: genesisHash },
    Array.from({ length }, (_, index) => event(index + 1)),
  );
}

describe('canonicalAuditEvent', () => {
  it('writes every field in a fixed order, nulls included, whatever order the object was built in', () => {
    const [first] = chain(1) as [ChainedAuditEvent];
    const reversed = Object.fromEntries(Object.entries(first).reverse()) as unknown as AuditEvent;
    expect(canonicalAuditEvent(reversed)).toBe(canonicalAuditEvent(first));
    expect(canonicalAuditEvent(first)).toBe(
      '{"organizationId":"019ab000-0000-7000-8000-000000000001","sequence":1,' +
        '"id":"019ab000-0000-7000-8000-000000000001","occurredAt":"2026-11-23T12:00:01.000123Z",' +
        '"actorUserId":"019ab000-0000-7000-8000-0000000000aa","actorRole":"clinician","patientId":null,' +
        '"action":"read","resourceType":"patient","resourceId":"r-1","fieldsChanged":null,' +
        '"ipAddress":"192.0.2.7","userAgent":"Mozilla/5.0","outcome":"allowed","reason":null}',
    );
  });

  it('writes the actor’s name after their role when recorded, and leaves it out (as before it existed) when not', () => {
    const [first] = chain(1) as [ChainedAuditEvent];
    expect(canonicalAuditEvent({ ...first, actorName: null })).toBe(canonicalAuditEvent(first));
    expect(canonicalAuditEvent({ ...first, actorName: 'Dr. Casey Rivera' })).toContain(
      '"actorRole":"clinician","actorName":"Dr. Casey Rivera","patientId":null,',
    );
  });

  it('refuses a timestamp that is not UTC with microseconds', () => {
    const [first] = chain(1) as [ChainedAuditEvent];
    expect(() => canonicalAuditEvent({ ...first, occurredAt: '2026-11-23T12:00:01.000Z' })).toThrow(
      /canonical timestamp/,
    );
  });

  it('keeps a Date to its milliseconds and pads to microseconds', () => {
    expect(canonicalTimestamp(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05.678000Z');
  });
});

describe('chainHash', () => {
  it('depends on the previous hash and on every field', () => {
    const [first] = chain(1) as [ChainedAuditEvent];
    const base = chainHash(genesisHash, first);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash('1'.repeat(64), first)).not.toBe(base);
    expect(chainHash(genesisHash, { ...first, reason: '' })).not.toBe(base);
    expect(chainHash(genesisHash, { ...first, fieldsChanged: [] })).not.toBe(base);
    expect(chainHash(genesisHash, { ...first, sequence: 2 })).not.toBe(base);
    const named = chainHash(genesisHash, { ...first, actorName: 'Pat Example' });
    expect(named).not.toBe(base);
    expect(chainHash(genesisHash, { ...first, actorName: 'Dr. Casey Rivera' })).not.toBe(named);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and its head', () => {
    const events = chain(10);
    const last = events[9] as ChainedAuditEvent;
    expect(verifyChain(events, { lastSequence: 10, lastHash: last.hash })).toBeUndefined();
    expect(verifyChain([])).toBeUndefined();
  });

  it('names an edited event', () => {
    const events = chain(10);
    events[4] = { ...(events[4] as ChainedAuditEvent), actorRole: 'admin' };
    expect(verifyChain(events)).toMatchObject({ sequence: 5, id: events[4]?.id, reason: 'edited' });
  });

  it('names an edited event even when the editor recomputed its hash: the next one no longer links', () => {
    const events = chain(10);
    const edited = { ...(events[4] as ChainedAuditEvent), outcome: 'denied' as const };
    events[4] = { ...edited, hash: chainHash(edited.previousHash, edited) };
    expect(verifyChain(events)).toMatchObject({ sequence: 6, reason: 'reordered' });
  });

  it('names the event after a deleted one', () => {
    const events = chain(10);
    events.splice(3, 2);
    expect(verifyChain(events)).toMatchObject({
      sequence: 6,
      id: events[3]?.id,
      reason: 'deleted',
      detail: expect.stringContaining('events 4 to 5 are missing'),
    });
  });

  it('names the event after a deleted first event', () => {
    const events = chain(3).slice(1);
    expect(verifyChain(events)).toMatchObject({ sequence: 2, reason: 'deleted' });
  });

  it('names the first of two events whose sequences were swapped', () => {
    const events = chain(10);
    const third = events[2] as ChainedAuditEvent;
    const seventh = events[6] as ChainedAuditEvent;
    events[2] = { ...seventh, sequence: 3 };
    events[6] = { ...third, sequence: 7 };
    expect(verifyChain(events)).toMatchObject({ sequence: 3, id: seventh.id, reason: 'reordered' });
  });

  it('names a renumbered event even when its link still holds', () => {
    const events = chain(4);
    const [a, b] = events.slice(1, 3) as [ChainedAuditEvent, ChainedAuditEvent];
    events[1] = { ...b, sequence: 2 };
    events[2] = { ...a, sequence: 3 };
    expect(verifyChain(events)).toMatchObject({ sequence: 2, id: b.id, reason: 'reordered' });
  });

  it('names the missing tail against the chain head', () => {
    const events = chain(10);
    const head = { lastSequence: 10, lastHash: (events[9] as ChainedAuditEvent).hash };
    expect(verifyChain(events.slice(0, 8), head)).toMatchObject({
      sequence: 9,
      id: null,
      reason: 'truncated',
    });
    expect(verifyChain([], head)).toMatchObject({ sequence: 1, reason: 'truncated' });
  });

  it('names an inserted event', () => {
    const events = chain(5);
    const forged = chainEvents({ lastSequence: 2, lastHash: '2'.repeat(64) }, [
      event(99),
    ])[0] as ChainedAuditEvent;
    const spliced = [
      ...events.slice(0, 2),
      forged,
      ...events.slice(2).map((e) => ({ ...e, sequence: e.sequence + 1 })),
    ];
    expect(verifyChain(spliced)).toMatchObject({ sequence: 3, id: forged.id, reason: 'reordered' });
  });
});
