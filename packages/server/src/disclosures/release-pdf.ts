import { createRequire } from 'node:module';
import {
  consentScopeExplanation,
  type DisclosureCategory,
  redisclosureNotice,
  redisclosureStatement,
} from '@tandem/core';
import PDFDocument from 'pdfkit';
import type { SharedSection } from './shared-content.ts';

export interface ReleaseDocument {
  programName: string;
  patient: { name: string; dateOfBirth: string; mrn: string };
  recipientName: string;
  consent: {
    id: string;
    categories: DisclosureCategory[];
    purpose: string;
    signedName: string;
    signedAt: string;
    signedOn: string;
    startsOn: string;
    expiresOn: string | null;
    expiryEvent: string | null;
    witnessName: string;
  };
  sections: SharedSection[];
  releasedAt: Date;
  releasedAtText: string;
  releasedBy: string;
}

const pageMargin = 60;
const footerHeight = 54;

// DejaVu Sans (Bitstream Vera licence, DejaVu changes public domain), embedded and subset by pdfkit: names print
// as written (José Nguyễn), in Latin, Greek and Cyrillic scripts and Vietnamese; the standard PDF fonts cover
// Windows-1252 only.
const require = createRequire(import.meta.url);
const fonts = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

// The scripts DejaVu Sans covers (Latin with its extensions and Vietnamese, combining accents, Greek, Cyrillic,
// punctuation and currency signs); control characters are not text.
const printable =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: the range of combining accents is meant (those NFC leaves)
  /[^\n\u0020-\u007e\u00a0-\u024f\u0300-\u036f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1eff\u2010-\u2027\u2030-\u205e\u20a0-\u20bf]/gu;

/** Text as the PDF prints it: composed (NFC), and U+FFFD for what the font has no glyph for (a CJK name, an emoji). */
export function printableText(text: string): string {
  return text.normalize('NFC').replace(printable, '\ufffd');
}

/**
 * A release of information under one consent, as a PDF: who, to whom, the scope of the consent (42 CFR
 * 2.32(b)), the full redisclosure statement on the first page, the consented categories, and the required
 * abbreviated notice at the foot of every page (42 CFR 2.32(a)).
 */
export async function renderReleasePdf(release: ReleaseDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: pageMargin, left: pageMargin, right: pageMargin, bottom: pageMargin + footerHeight },
    bufferPages: true,
    font: fonts.regular,
    info: {
      Title: 'Release of information',
      Author: printableText(release.programName),
      Producer: 'Tandem',
      Creator: 'Tandem',
      CreationDate: release.releasedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const text = (value: string, options?: PDFKit.Mixins.TextOptions) =>
    doc.text(printableText(value), options);
  const field = (label: string, value: string) => {
    doc.font(fonts.bold).fontSize(10);
    text(`${label}: `, { continued: true });
    doc.font(fonts.regular);
    text(value);
  };

  doc.font(fonts.bold).fontSize(18);
  text('Release of information');
  doc.font(fonts.regular).fontSize(11).fillColor('#444444');
  text(release.programName);
  doc.fillColor('black').moveDown();

  // The full notice first, boxed, so that nobody reads the record before reading the prohibition.
  const boxTop = doc.y;
  doc.font(fonts.bold).fontSize(9);
  text('NOTICE TO THE RECIPIENT (42 CFR 2.32)', { width: doc.page.width - 2 * pageMargin - 16 });
  doc.font(fonts.regular).fontSize(8.5);
  text(redisclosureStatement, { width: doc.page.width - 2 * pageMargin - 16, align: 'justify' });
  const boxBottom = doc.y;
  doc
    .rect(pageMargin - 8, boxTop - 8, doc.page.width - 2 * pageMargin + 16, boxBottom - boxTop + 16)
    .lineWidth(1.2)
    .stroke();
  doc.moveDown(2);

  field('Patient', release.patient.name);
  field('Date of birth', release.patient.dateOfBirth);
  field('Medical record number', release.patient.mrn);
  field('Released to', release.recipientName);
  field('Released', `${release.releasedAtText} by ${release.releasedBy}`);
  doc.moveDown();

  doc.font(fonts.bold).fontSize(12);
  text('Scope of the patient’s consent');
  doc.font(fonts.regular).fontSize(10);
  text(
    consentScopeExplanation({
      recipientName: release.recipientName,
      categories: release.consent.categories,
      purpose: release.consent.purpose,
      signedOn: release.consent.signedOn,
      startsOn: release.consent.startsOn,
      expiresOn: release.consent.expiresOn,
      expiryEvent: release.consent.expiryEvent,
    }),
  );
  doc.moveDown(0.5);
  text(
    `Signed "${release.consent.signedName}" on ${release.consent.signedAt}, witnessed by ${release.consent.witnessName}. Consent ${release.consent.id}.`,
  );
  doc.moveDown();

  for (const section of release.sections) {
    doc.font(fonts.bold).fontSize(12);
    text(section.label);
    doc.font(fonts.regular).fontSize(10);
    if (section.entries.length === 0) {
      doc.fillColor('#555555');
      text(section.emptyMessage);
      doc.fillColor('black');
    }
    for (const entry of section.entries) {
      text(
        `${entry.date === null ? '' : `${entry.date}  `}${entry.title}${entry.detail === null ? '' : `: ${entry.detail}`}`,
      );
    }
    doc.moveDown();
  }

  // The required notice at the foot of every page, written once all pages exist (the page count is known).
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    const top = doc.page.height - pageMargin - footerHeight + 14;
    doc
      .moveTo(pageMargin, top - 6)
      .lineTo(doc.page.width - pageMargin, top - 6)
      .lineWidth(0.5)
      .stroke();
    doc.font(fonts.bold).fontSize(9);
    doc.text(redisclosureNotice, pageMargin, top, {
      width: doc.page.width - 2 * pageMargin,
      align: 'center',
    });
    doc.font(fonts.regular).fontSize(8).fillColor('#555555');
    doc.text(
      `Page ${index - range.start + 1} of ${range.count}  ·  Release under consent ${release.consent.id}`,
      pageMargin,
      top + 14,
      { width: doc.page.width - 2 * pageMargin, align: 'center' },
    );
    doc.fillColor('black');
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
