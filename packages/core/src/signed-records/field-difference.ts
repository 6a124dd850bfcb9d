/**
 * A readable difference between two versions of a record's content: which fields changed, from what to what, in
 * the words a clinician reads ("Goal: 'Stay sober' -> 'No use for 90 days'"). Content is JSON; nested objects
 * are compared by path (`goals.0.text`), lists item by item.
 */
export interface FieldChange {
  /** Dotted path of the field (`objectives.1.target`). */
  path: string;
  /** The field's label, when the record type names it. */
  label: string;
  before: unknown;
  after: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flatten(value: unknown, prefix: string, into: Map<string, unknown>): void {
  if (Array.isArray(value)) {
    if (value.length === 0) into.set(prefix, []);
    value.forEach((item, index) => {
      flatten(item, prefix === '' ? String(index) : `${prefix}.${index}`, into);
    });
    return;
  }
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    if (keys.length === 0) into.set(prefix, {});
    for (const key of keys) flatten(value[key], prefix === '' ? key : `${prefix}.${key}`, into);
    return;
  }
  into.set(prefix, value === undefined ? null : value);
}

/**
 * Every leaf that differs, in a stable order (the order of the labels given, then by path). `labels` maps a
 * top-level field to its name; a nested path takes its top field's label with the rest of the path after it.
 */
export function fieldDifference(
  before: Json | Record<string, unknown>,
  after: Json | Record<string, unknown>,
  labels: Readonly<Record<string, string>> = {},
): FieldChange[] {
  const was = new Map<string, unknown>();
  const is = new Map<string, unknown>();
  flatten(before, '', was);
  flatten(after, '', is);
  const paths = [...new Set([...was.keys(), ...is.keys()])];
  const order = Object.keys(labels);
  const rank = (path: string) => {
    const index = order.indexOf(path.split('.')[0] ?? path);
    return index === -1 ? order.length : index;
  };
  return paths
    .filter((path) => JSON.stringify(was.get(path) ?? null) !== JSON.stringify(is.get(path) ?? null))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }))
    .map((path) => {
      const [top = path, ...rest] = path.split('.');
      const topLabel = labels[top] ?? top;
      return {
        path,
        label:
          rest.length === 0
            ? topLabel
            : `${topLabel} ${rest.map((part) => (/^\d+$/.test(part) ? `#${Number(part) + 1}` : part)).join(' ')}`,
        before: was.has(path) ? was.get(path) : null,
        after: is.has(path) ? is.get(path) : null,
      };
    });
}

/** One line per change, for the history view and the audit reason: `Goal: "a" -> "b"`. */
export function describeFieldChange(change: FieldChange): string {
  const show = (value: unknown) => (value === null ? '(empty)' : JSON.stringify(value));
  return `${change.label}: ${show(change.before)} -> ${show(change.after)}`;
}
