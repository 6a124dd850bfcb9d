import { extractText, getDocumentProxy } from 'unpdf';

/** The text of each page of a PDF, as a PDF reader extracts it (pdf.js through unpdf), to read back what a test printed. */
export async function pdfPageTexts(pdf: Buffer): Promise<string[]> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: false });
  return text;
}

export async function pdfPageCount(pdf: Buffer): Promise<number> {
  return (await getDocumentProxy(new Uint8Array(pdf))).numPages;
}
