import { createRequire } from 'node:module';
import {
  type DisclosureCategory,
  redisclosureNotice,
  redisclosureStatement,
  type UiLanguage,
} from '@tandem/core';
import PDFDocument from 'pdfkit';
import { intlFor } from '../i18n/intl.ts';
import { categoriesInSentence, categoryHeadings, releaseWords } from './release-wording.ts';
import type { SharedSection } from './shared-content.ts';

export interface ReleaseDocument {
  /** The recipient's language: the release is written for them. */
  language: UiLanguage;
  /** The program's time zone, for the times printed. */
  timeZone: string;
  programName: string;
  /** dateOfBirth: a calendar date, YYYY-MM-DD. */
  patient: { name: string; dateOfBirth: string; mrn: string };
  recipientName: string;
  consent: {
    id: string;
    categories: DisclosureCategory[];
    purpose: string;
    signedName: string;
    signedAt: Date;
    /** The day it was signed where the program is (YYYY-MM-DD); startsOn and expiresOn likewise. */
    signedOn: string;
    startsOn: string;
    expiresOn: string | null;
    expiryEvent: string | null;
    witnessName: string;
  };
  sections: SharedSection[];
  releasedAt: Date;
  releasedBy: string;
}

const pageMargin = 60;

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
  const intl = intlFor(release.language, release.timeZone);
  // A calendar day, printed as the reader's language writes dates; a moment, in the program's time zone.
  const day = (date: string) =>
    intl.formatDate(new Date(`${date}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  const moment = (date: Date) =>
    `${intl.formatDate(date, { dateStyle: 'long', timeStyle: 'short' })} (${intl.timeZone ?? 'UTC'})`;
  const inOfficialLanguage = release.language === 'en';
  // The footer holds the official notice and, for another reader, its translation too.
  const footerHeight = inOfficialLanguage ? 54 : 84;
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: pageMargin, left: pageMargin, right: pageMargin, bottom: pageMargin + footerHeight },
    bufferPages: true,
    font: fonts.regular,
    info: {
      Title: intl.formatMessage(releaseWords.title),
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
  text(intl.formatMessage(releaseWords.title));
  doc.font(fonts.regular).fontSize(11).fillColor('#444444');
  text(release.programName);
  doc.fillColor('black').moveDown();

  // The full notice first, boxed, so that nobody reads the record before reading the prohibition.
  // In another language: the official English, then the translation, each labelled; never the translation alone.
  const boxTop = doc.y;
  const boxWidth = doc.page.width - 2 * pageMargin - 16;
  doc.font(fonts.bold).fontSize(9);
  text(intl.formatMessage(releaseWords.noticeHeading), { width: boxWidth });
  if (!inOfficialLanguage) {
    doc.font(fonts.bold).fontSize(7.5).fillColor('#555555');
    text(intl.formatMessage(releaseWords.officialText), { width: boxWidth });
    doc.fillColor('black');
  }
  doc.font(fonts.regular).fontSize(8.5);
  text(redisclosureStatement, { width: boxWidth, align: 'justify' });
  if (!inOfficialLanguage) {
    doc.moveDown(0.5);
    doc.font(fonts.bold).fontSize(7.5).fillColor('#555555');
    text(intl.formatMessage(releaseWords.translation), { width: boxWidth });
    doc.fillColor('black');
    doc.font(fonts.regular).fontSize(8.5);
    text(intl.formatMessage(releaseWords.statement), { width: boxWidth, align: 'justify' });
  }
  const boxBottom = doc.y;
  doc
    .rect(pageMargin - 8, boxTop - 8, doc.page.width - 2 * pageMargin + 16, boxBottom - boxTop + 16)
    .lineWidth(1.2)
    .stroke();
  doc.moveDown(2);

  field(intl.formatMessage(releaseWords.patient), release.patient.name);
  field(intl.formatMessage(releaseWords.dateOfBirth), day(release.patient.dateOfBirth));
  field(intl.formatMessage(releaseWords.mrn), release.patient.mrn);
  field(intl.formatMessage(releaseWords.releasedTo), release.recipientName);
  field(
    intl.formatMessage(releaseWords.released),
    intl.formatMessage(releaseWords.releasedValue, {
      when: moment(release.releasedAt),
      name: release.releasedBy,
    }),
  );
  doc.moveDown();

  const { consent } = release;
  doc.font(fonts.bold).fontSize(12);
  text(intl.formatMessage(releaseWords.scopeHeading));
  doc.font(fonts.regular).fontSize(10);
  text(
    intl.formatMessage(releaseWords.scope, {
      signedOn: day(consent.signedOn),
      categories: intl.formatList(
        consent.categories.map((category) => intl.formatMessage(categoriesInSentence[category])),
      ),
      recipient: release.recipientName,
      purpose: consent.purpose.trim().replace(/[.\s]+$/, ''),
      ends:
        consent.expiresOn !== null && consent.expiryEvent !== null
          ? 'both'
          : consent.expiresOn !== null
            ? 'date'
            : consent.expiryEvent !== null
              ? 'event'
              : 'none',
      startsOn: day(consent.startsOn),
      expiresOn: consent.expiresOn === null ? '' : day(consent.expiresOn),
      expiryEvent: consent.expiryEvent ?? '',
    }),
  );
  doc.moveDown(0.5);
  text(
    intl.formatMessage(releaseWords.signed, {
      typedName: consent.signedName,
      signedAt: moment(consent.signedAt),
      witness: consent.witnessName,
      consentId: consent.id,
    }),
  );
  doc.moveDown();

  for (const section of release.sections) {
    doc.font(fonts.bold).fontSize(12);
    text(intl.formatMessage(categoryHeadings[section.category]));
    doc.font(fonts.regular).fontSize(10);
    if (section.entries.length === 0) {
      doc.fillColor('#555555');
      text(intl.formatMessage(releaseWords.nothingRecorded));
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
    const width = doc.page.width - 2 * pageMargin;
    doc.font(fonts.bold).fontSize(9);
    doc.text(redisclosureNotice, pageMargin, top, { width, align: 'center' });
    let next = top + 14;
    if (!inOfficialLanguage) {
      doc.font(fonts.regular).fontSize(8.5);
      doc.text(
        printableText(
          `${intl.formatMessage(releaseWords.translation)}: ${intl.formatMessage(releaseWords.notice)}`,
        ),
        pageMargin,
        next,
        { width, align: 'center' },
      );
      next = doc.y + 4;
    }
    doc.font(fonts.regular).fontSize(8).fillColor('#555555');
    doc.text(
      printableText(
        intl.formatMessage(releaseWords.footer, {
          page: index - range.start + 1,
          pages: range.count,
          consentId: release.consent.id,
        }),
      ),
      pageMargin,
      next,
      { width, align: 'center' },
    );
    doc.fillColor('black');
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
