import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The tamper-evident audit trail: every event carries a SHA-256 hash over the previous event's hash and its own
 * canonical form, chained per organization in sequence order (1, 2, 3, ...). Editing, deleting or reordering
 * stored events breaks the chain at the first event touched, which verifyChain names.
 */
export const auditOutcomes = ['allowed', 'denied', 'break_glass'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

export interface AuditEvent {
  organizationId: string;
  /** Position in the organization's chain, from 1, without gaps. */
  sequence: number;
  id: string;
  /** UTC with microseconds, as stored: `2026-11-23T12:41:16.123456Z` (see canonicalTimestamp). */
  occurredAt: string;
  /** Null for what the system does on its own (a scheduled job, a restore). */
  actorUserId: string | null;
  actorRole: string;
  /**
   * The actor's name as it was when the event was written, so that a later change of name never rewrites who
   * did what. Hashed only when present: events written before it was recorded (null) keep their hash.
   */
  actorName?: string | null;
  /** Whose record was read or changed, if a patient's. */
  patientId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  /** For writes: the fields changed, never their values. */
  fieldsChanged: readonly string[] | null;
  ipAddress: string | null;
  userAgent: string | null;
  outcome: AuditOutcome;
  /** Why access was denied, or the reason given for breaking the glass. */
  reason: string | null;
}

export interface ChainedAuditEvent extends AuditEvent {
  /** Hex SHA-256 of the previous event in the chain; genesisHash for sequence 1. */
  previousHash: string;
  hash: string;
}

/** What the first event of a chain points back to. */
export const genesisHash = '0'.repeat(64);

// Versioned, so that a future change of the serialization can never produce a hash that means something else.
const domainPrefix = 'tandem/audit-event/v1\n';

const canonicalTimestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const hashPattern = /^[0-9a-f]{64}$/;

/** A Date as the canonical timestamp (a Date holds milliseconds: the last three digits are zero). */
export function canonicalTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000Z`;
}

/**
 * The event as one JSON text: every field, in a fixed order, nulls written out (but for actorName, which is left
 * out when there is none, as it was before it existed). Only strings, a number, an array of strings and null:
 * JSON.stringify writes each of them one way only.
 */
export function canonicalAuditEvent(event: AuditEvent): string {
  if (!canonicalTimestampPattern.test(event.occurredAt)) {
    throw new RangeError(`audit event ${event.id}: occurredAt is not a canonical timestamp`);
  }
  if (!Number.isSafeInteger(event.sequence) || event.sequence < 1) {
    throw new RangeError(`audit event ${event.id}: sequence must be a positive integer`);
  }
  const ordered = [
    ['organizationId', event.organizationId],
    ['sequence', event.sequence],
    ['id', event.id],
    ['occurredAt', event.occurredAt],
    ['actorUserId', event.actorUserId],
    ['actorRole', event.actorRole],
    ...(typeof event.actorName === 'string' ? ([['actorName', event.actorName]] as const) : []),
    ['patientId', event.patientId],
    ['action', event.action],
    ['resourceType', event.resourceType],
    ['resourceId', event.resourceId],
    ['fieldsChanged', event.fieldsChanged === null ? null : [...event.fieldsChanged]],
    ['ipAddress', event.ipAddress],
    ['userAgent', event.userAgent],
    ['outcome', event.outcome],
    ['reason', event.reason],
  ] as const;
  return JSON.stringify(Object.fromEntries(ordered));
}

/** SHA-256 of a text's UTF-8 bytes as lowercase hex. */
export type Sha256Hex = (text: string) => string;

/** The portable SHA-256; a server may pass its platform's own (same result, faster) to chainEvents. */
export const portableSha256Hex: Sha256Hex = (text) => bytesToHex(sha256(utf8ToBytes(text)));

/** SHA-256 over the domain prefix, the previous hash and the canonical event, as lowercase hex. */
export function chainHash(
  previousHash: string,
  event: AuditEvent,
  sha256Hex: Sha256Hex = portableSha256Hex,
): string {
  if (!hashPattern.test(previousHash)) throw new RangeError('previousHash is not a hex SHA-256');
  return sha256Hex(`${domainPrefix}${previousHash}\n${canonicalAuditEvent(event)}`);
}

/** Hashes events that follow `head` (last sequence and hash of the chain so far), numbering them on. */
export function chainEvents(
  head: { lastSequence: number; lastHash: string },
  events: readonly Omit<AuditEvent, 'sequence'>[],
  sha256Hex: Sha256Hex = portableSha256Hex,
): ChainedAuditEvent[] {
  let previousHash = head.lastHash;
  return events.map((event, index) => {
    const sequenced: AuditEvent = { ...event, sequence: head.lastSequence + index + 1 };
    const hash = chainHash(previousHash, sequenced, sha256Hex);
    const chained = { ...sequenced, previousHash, hash };
    previousHash = hash;
    return chained;
  });
}

export type ChainBreakReason =
  /** The event's content no longer matches its hash: it was edited. */
  | 'edited'
  /** The sequence skips: the events in between were deleted. */
  | 'deleted'
  /** The event does not point at the hash of the event before it: events were reordered or inserted. */
  | 'reordered'
  /** The chain ends before its recorded head: the last events were deleted. */
  | 'truncated';

export interface ChainBreak {
  /** The first bad event; for 'truncated', the sequence that is missing and no id. */
  sequence: number;
  id: string | null;
  reason: ChainBreakReason;
  detail: string;
}

export interface ChainVerifier {
  /** Checks the next event (in stored sequence order); returns the break it finds, if any. */
  next(event: ChainedAuditEvent): ChainBreak | undefined;
  /** After the last event: checks that the chain reaches its recorded head, when there is one. */
  finish(head?: { lastSequence: number; lastHash: string }): ChainBreak | undefined;
  /** How many events were checked. */
  readonly count: number;
}

/** An incremental verifier, so that a long chain can be read in batches. */
export function createChainVerifier(): ChainVerifier {
  let expectedSequence = 1;
  let previousHash = genesisHash;
  let count = 0;
  return {
    get count() {
      return count;
    },
    next(event) {
      count++;
      // Checked in this order so that the reason says what happened: a deleted event shows first as a gap, a
      // moved one as a broken link (its own hash also fails, since the hash covers the sequence), an edited
      // one only in its own hash.
      if (event.sequence !== expectedSequence) {
        return {
          sequence: event.sequence,
          id: event.id,
          reason: 'deleted',
          detail: `expected sequence ${expectedSequence}, found ${event.sequence}: events ${describeRange(expectedSequence, event.sequence - 1)} are missing`,
        };
      }
      if (event.previousHash !== previousHash) {
        return {
          sequence: event.sequence,
          id: event.id,
          reason: 'reordered',
          detail: 'its previous hash is not the hash of the event before it',
        };
      }
      if (chainHash(event.previousHash, event) !== event.hash) {
        return {
          sequence: event.sequence,
          id: event.id,
          reason: 'edited',
          detail: 'its content does not match its hash',
        };
      }
      expectedSequence++;
      previousHash = event.hash;
      return undefined;
    },
    finish(head) {
      if (head === undefined) return undefined;
      const lastSequence = expectedSequence - 1;
      if (head.lastSequence > lastSequence) {
        return {
          sequence: expectedSequence,
          id: null,
          reason: 'truncated',
          detail: `the chain ends at ${lastSequence} but its head is at ${head.lastSequence}: events ${describeRange(expectedSequence, head.lastSequence)} are missing`,
        };
      }
      if (head.lastSequence < lastSequence || head.lastHash !== previousHash) {
        return {
          sequence: lastSequence,
          id: null,
          reason: 'reordered',
          detail: `the chain head (${head.lastSequence}) does not match the last event`,
        };
      }
      return undefined;
    },
  };
}

/** Verifies one organization's events, given in stored sequence order; returns the first break, if any. */
export function verifyChain(
  events: Iterable<ChainedAuditEvent>,
  head?: { lastSequence: number; lastHash: string },
): ChainBreak | undefined {
  const verifier = createChainVerifier();
  for (const event of events) {
    const found = verifier.next(event);
    if (found !== undefined) return found;
  }
  return verifier.finish(head);
}

function describeRange(from: number, to: number): string {
  return from === to ? `${from}` : `${from} to ${to}`;
}
