/** One field of a form refused as stale: what the person typed and what the record holds now. */
export interface ConflictingField<K extends string> {
  field: K;
  mine: unknown;
  theirs: unknown;
}

/**
 * After a 409, the fields where what the person typed differs from the record as it is now. The form keeps what
 * was typed; the person sees the other change next to theirs and re-applies theirs on the new version.
 */
export function conflictingFields<K extends string>(
  mine: Readonly<Record<K, unknown>>,
  current: Readonly<Record<K, unknown>>,
  fields: readonly K[],
): ConflictingField<K>[] {
  return fields
    .filter((field) => JSON.stringify(mine[field] ?? null) !== JSON.stringify(current[field] ?? null))
    .map((field) => ({ field, mine: mine[field], theirs: current[field] }));
}
