import { inflateSync } from 'node:zlib';

/**
 * The text of each page of a PDF that Tandem wrote (pdfkit: one deflated content stream per page, text shown as
 * hex strings in TJ arrays with kerning between them), one line per text object. Enough to read back what a
 * test printed; not a general PDF parser.
 */
export function pdfPageTexts(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const pages: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    if (!content.includes('BT')) continue;
    const lines = [...content.matchAll(/BT([\s\S]*?)ET/g)].map((text) =>
      [...(text[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)]
        .map((hex) => Buffer.from(hex[1] ?? '', 'hex').toString('latin1'))
        .join(''),
    );
    pages.push(lines.join('\n'));
  }
  return pages;
}

export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}
