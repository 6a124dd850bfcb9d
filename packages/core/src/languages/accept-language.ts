/**
 * The languages an HTTP Accept-Language header asks for, most wanted first (RFC 9110 §12.5.4): quality values
 * decide, ties keep the header's order, `q=0` and `*` ask for nothing in particular.
 */
export function acceptLanguagePreferences(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const quality = parameters
        .map((parameter) => parameter.trim().match(/^q=([01](?:\.\d{0,3})?)$/))
        .find((match) => match !== null);
      return { tag: tag.trim(), quality: quality ? Number(quality[1]) : 1, index };
    })
    .filter(({ tag, quality }) => tag !== '' && tag !== '*' && quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map(({ tag }) => tag);
}
