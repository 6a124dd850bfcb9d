import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';

/** What the code says, as `formatjs extract` writes it: every id with its English. */
export type SourceCatalogue = Record<string, { defaultMessage: string; description?: string }>;
/** A translation: each id's message in the language, with the English it was translated from. */
export type TranslatedCatalogue = Record<string, { message: string; source: string; description?: string }>;

export type CatalogueProblem =
  | { kind: 'missing'; id: string }
  | { kind: 'unused'; id: string }
  | { kind: 'stale'; id: string; was: string; now: string }
  | { kind: 'invalid'; id: string; error: string }
  | { kind: 'arguments'; id: string; expected: string[]; found: string[] }
  | { kind: 'unnamed'; id: string };

/** Ids name where a message lives: `area.component.purpose`, lowercase words and dots. */
const idPattern = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/;

function argumentNames(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.value);
    if (element.type === TYPE.tag) argumentNames(element.children, into);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentNames(option.value, into);
    }
  }
  return into;
}

function parsedArguments(message: string): { names: string[] } | { error: string } {
  try {
    return { names: [...argumentNames(parse(message))].sort() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/**
 * Everything that keeps a translation from matching the code: an id with no translation, a translation nobody
 * uses, a translation of English that has since changed, a message that is not valid ICU, a translation whose
 * placeholders differ from the English (it would drop a name or a count), an id that names nothing.
 */
export function checkCatalogue(source: SourceCatalogue, translated: TranslatedCatalogue): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  for (const [id, { defaultMessage }] of Object.entries(source)) {
    if (!idPattern.test(id)) problems.push({ kind: 'unnamed', id });
    const english = parsedArguments(defaultMessage);
    if ('error' in english) problems.push({ kind: 'invalid', id, error: english.error });
    const translation = translated[id];
    if (translation === undefined || translation.message.trim() === '') {
      problems.push({ kind: 'missing', id });
      continue;
    }
    if (translation.source !== defaultMessage) {
      problems.push({ kind: 'stale', id, was: translation.source, now: defaultMessage });
    }
    const translatedArguments = parsedArguments(translation.message);
    if ('error' in translatedArguments)
      problems.push({ kind: 'invalid', id, error: translatedArguments.error });
    else if ('names' in english && english.names.join() !== translatedArguments.names.join()) {
      problems.push({ kind: 'arguments', id, expected: english.names, found: translatedArguments.names });
    }
  }
  for (const id of Object.keys(translated)) {
    if (!(id in source)) problems.push({ kind: 'unused', id });
  }
  return problems;
}

export function describeProblem(problem: CatalogueProblem): string {
  switch (problem.kind) {
    case 'missing':
      return `${problem.id}: no translation`;
    case 'unused':
      return `${problem.id}: translated but no longer in the code`;
    case 'stale':
      return `${problem.id}: the English changed from "${problem.was}" to "${problem.now}"; translate it again`;
    case 'invalid':
      return `${problem.id}: not a valid ICU message (${problem.error})`;
    case 'arguments':
      return `${problem.id}: placeholders {${problem.found.join('}, {')}} differ from the English's {${problem.expected.join('}, {')}}`;
    case 'unnamed':
      return `${problem.id}: give the message an id like "area.component.purpose"`;
  }
}
