import {
  DomainError,
  type DomainErrorCode,
  type ErrorMessage,
  englishOf,
  type FieldError,
} from '@tandem/core';
import type { AuditedChange } from './unit-of-work.ts';

/**
 * A change refused from inside a unit of work. Throwing it rolls the transaction back; the unit of work then
 * loads `current` (the record as it is now, read after the rollback: on the embedded database a read outside
 * the transaction would wait for the transaction itself) and answers with a DomainError carrying it.
 */
export class Refusal extends Error {
  readonly code: DomainErrorCode;
  /** What the refusal says to a person (`message` is its English). */
  readonly detail: ErrorMessage;
  readonly current: (() => Promise<unknown>) | undefined;
  readonly loadDetails: (() => Promise<Record<string, unknown>>) | undefined;
  readonly details: Record<string, unknown>;
  readonly fieldErrors: FieldError<ErrorMessage>[];
  readonly deniedAttempt: AuditedChange | undefined;

  constructor(
    code: DomainErrorCode,
    message: ErrorMessage,
    options: {
      /** The record as it is now (the problem's `current`). */
      current?: () => Promise<unknown>;
      /** More of the problem's body, also read after the rollback. */
      loadDetails?: () => Promise<Record<string, unknown>>;
      details?: Record<string, unknown>;
      fieldErrors?: FieldError<ErrorMessage>[];
      /**
       * What was attempted, when the refusal denies the person (a role the policy let in but a rule of the
       * record refuses): the kernel audits it as denied after the rollback, so the trail shows the attempt.
       */
      deniedAttempt?: AuditedChange;
    } = {},
  ) {
    super(englishOf(message));
    this.name = 'Refusal';
    this.code = code;
    this.detail = message;
    this.current = options.current;
    this.loadDetails = options.loadDetails;
    this.details = options.details ?? {};
    this.fieldErrors = options.fieldErrors ?? [];
    this.deniedAttempt = options.deniedAttempt;
  }

  /** The answer, once the transaction is rolled back. */
  async answer(): Promise<DomainError> {
    const loaded = this.loadDetails === undefined ? {} : await this.loadDetails();
    const current = this.current === undefined ? {} : { current: await this.current() };
    return new DomainError(this.code, this.detail, {
      details: { ...this.details, ...loaded, ...current },
      fieldErrors: this.fieldErrors,
      cause: this,
    });
  }
}

/** Refuses a write made on a version that is no longer the current one: 409 with the record as it is now. */
export function staleVersion(message: ErrorMessage, current: () => Promise<unknown>): never {
  throw new Refusal('version_conflict', message, { current });
}

/** What a violated unique or exclusion constraint means to the person who made the change. */
export interface ConflictRule {
  code?: 'conflict' | 'version_conflict';
  message: ErrorMessage;
  details?: Record<string, unknown>;
  /** The record as it is now, to answer with. */
  current?: () => Promise<unknown>;
  loadDetails?: () => Promise<Record<string, unknown>>;
}

/** Constraint name -> what its violation means; unique (23505) and exclusion (23P01) violations only. */
export type ConflictRules = Readonly<Record<string, ConflictRule>>;

/** The constraint a unique or exclusion violation names, or undefined for any other error. */
export function violatedConstraint(error: unknown): string | undefined {
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code !== '23505' && code !== '23P01') return undefined;
  return typeof constraint === 'string' ? constraint : '';
}

/** The Refusal a database error stands for under `rules`, or undefined when no rule names it. */
export function refusalForViolation(error: unknown, rules: ConflictRules): Refusal | undefined {
  const constraint = violatedConstraint(error);
  if (constraint === undefined) return undefined;
  const rule = rules[constraint];
  if (rule === undefined) return undefined;
  return new Refusal(rule.code ?? 'conflict', rule.message, {
    ...(rule.current === undefined ? {} : { current: rule.current }),
    ...(rule.loadDetails === undefined ? {} : { loadDetails: rule.loadDetails }),
    ...(rule.details === undefined ? {} : { details: rule.details }),
  });
}
