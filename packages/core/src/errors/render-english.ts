/**
 * Fills an ICU message's placeholders the way English reads them, for text that is not shown to a person in
 * their language (logs, the audit trail, `Error.message`): `{name}`, `{name, number}`, `{name, select, … other {…}}` and
 * `{name, plural, one {…} other {…}}` with `#`. Only what Tandem's messages use; the server formats with FormatJS.
 * A placeholder without a value stays as written.
 */
export function renderEnglish(message: string, values: Readonly<Record<string, string | number>>): string {
  return render(message, values, undefined);
}

function render(text: string, values: Readonly<Record<string, string | number>>, pound: string | undefined) {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index] as string;
    if (char === '{') {
      const end = closingBrace(text, index);
      if (end < 0) return out + text.slice(index);
      out += argument(text.slice(index + 1, end), values);
      index = end + 1;
    } else {
      out += char === '#' && pound !== undefined ? pound : char;
      index += 1;
    }
  }
  return out;
}

function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    if (text[index] === '{') depth += 1;
    else if (text[index] === '}') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

function argument(inner: string, values: Readonly<Record<string, string | number>>): string {
  const [name = '', kind, ...rest] = inner.split(',');
  const key = name.trim();
  const value = Object.hasOwn(values, key) ? values[key] : undefined;
  const type = kind?.trim();
  if (value !== undefined && type === 'number') return new Intl.NumberFormat('en').format(Number(value));
  if (type !== 'select' && type !== 'plural') return value === undefined ? `{${inner}}` : String(value);
  const options = parseOptions(rest.join(','));
  if (type === 'select')
    return render(options.get(String(value)) ?? options.get('other') ?? '', values, undefined);
  const count = Number(value);
  const chosen =
    options.get(`=${count}`) ?? options.get(count === 1 ? 'one' : 'other') ?? options.get('other');
  return render(chosen ?? '', values, String(count));
}

function parseOptions(text: string): Map<string, string> {
  const options = new Map<string, string>();
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf('{', index);
    if (open < 0) break;
    const end = closingBrace(text, open);
    if (end < 0) break;
    options.set(text.slice(index, open).trim(), text.slice(open + 1, end));
    index = end + 1;
  }
  return options;
}
