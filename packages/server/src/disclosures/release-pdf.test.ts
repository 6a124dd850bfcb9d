import { redisclosureNotice, redisclosureStatement } from '@tandem/core';
import { describe, expect, it } from 'vitest';
import { pdfPageCount, pdfPageTexts } from '../testing/pdf-text.ts';
import { printableText, type ReleaseDocument, renderReleasePdf } from './release-pdf.ts';
import { releaseWords } from './release-wording.ts';

function release(entries: number, language: ReleaseDocument['language'] = 'en'): ReleaseDocument {
  return {
    language,
    timeZone: 'America/Los_Angeles',
    programName: 'Demo Recovery Center',
    patient: { name: 'José Nguyễn', dateOfBirth: '1975-09-30', mrn: 'MRN-000002' },
    recipientName: 'Jordan Example',
    consent: {
      id: '01900000-0000-7000-8000-000000000001',
      categories: ['attendance', 'medications'],
      purpose: 'Family support',
      signedName: 'José Nguyễn',
      signedAt: new Date('2026-03-01T18:00:00Z'),
      signedOn: '2026-03-01',
      startsOn: '2026-03-01',
      expiresOn: '2026-09-01',
      expiryEvent: null,
      witnessName: 'Dr. Casey Rivera',
    },
    sections: [
      {
        category: 'attendance',
        label: 'Attendance and appointments',
        emptyMessage: 'Nothing recorded yet.',
        entries: Array.from({ length: entries }, (_, index) => ({
          date: '2026-03-02',
          title: `Group session ${index + 1}`,
          detail: 'attended',
        })),
      },
      { category: 'medications', label: 'Medications', emptyMessage: 'Nothing recorded yet.', entries: [] },
    ],
    releasedAt: new Date('2026-03-10T18:00:00Z'),
    releasedBy: 'Dr. Casey Rivera',
  };
}

describe('renderReleasePdf', () => {
  it('carries the required redisclosure notice at the foot of every page, however many pages', async () => {
    const pdf = await renderReleasePdf(release(150));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPageTexts(pdf);
    expect(await pdfPageCount(pdf)).toBeGreaterThanOrEqual(3);
    expect(pages).toHaveLength(await pdfPageCount(pdf));
    pages.forEach((page, index) => {
      expect(page).toContain(redisclosureNotice);
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    expect(pages.join('\n')).toContain('Group session 150');
  });

  it('opens with the full notice, the patient, the recipient and the scope of the consent', async () => {
    const [first = ''] = await pdfPageTexts(await renderReleasePdf(release(0)));
    const text = first.replaceAll('\n', ' ');
    expect(text).toContain('NOTICE TO THE RECIPIENT (42 CFR 2.32)');
    // Justified lines space their words by position, not with space characters: compare without whitespace.
    const squashed = (value: string) => value.replace(/\s+/g, '');
    expect(squashed(text)).toContain(squashed(redisclosureStatement));
    expect(text).toContain('José Nguyễn');
    expect(text).toContain('Jordan Example');
    expect(text).toContain(
      'The patient consented in writing on March 1, 2026 to share attendance and appointments and medications',
    );
    expect(text).toContain('September 30, 1975');
    expect(text).toContain('March 10, 2026 at 11:00 AM (America/Los_Angeles) by Dr. Casey Rivera');
    expect(text).toContain('Nothing recorded yet.');
    // An English reader reads the official notice alone.
    expect(text).not.toContain('Official text (English)');
  });

  it('in Spanish, prints the official English notices with their labelled translations, and the rest in Spanish', async () => {
    const pdf = await renderReleasePdf(release(60, 'es'));
    const pages = await pdfPageTexts(pdf);
    const squashed = (value: string) => value.replace(/\s+/g, '');
    const first = (pages[0] ?? '').replaceAll('\n', ' ');
    expect(first).toContain('Texto oficial (inglés)');
    expect(squashed(first)).toContain(squashed(redisclosureStatement));
    expect(squashed(first)).toContain(squashed('Este registro, que se le ha divulgado a usted'));
    expect(first).toContain('El paciente dio su consentimiento por escrito el 1 de marzo de 2026');
    expect(first).toContain('Asistencia y citas');
    pages.forEach((page, index) => {
      // Every page: the law's English notice, its translation, and the page count in Spanish.
      expect(page).toContain(redisclosureNotice);
      expect(page.replaceAll('\n', ' ')).toContain('prohíbe el uso o la divulgación no autorizados');
      expect(page).toContain(`Página ${index + 1} de ${pages.length}`);
    });
    expect(pages.join(' ')).not.toMatch(/Release of information|Nothing recorded yet|Date of birth/);
  });

  it("holds the notices' translated English to the law's text as core keeps it", () => {
    expect(releaseWords.notice.defaultMessage).toBe(redisclosureNotice);
    expect(releaseWords.statement.defaultMessage).toBe(redisclosureStatement);
  });
});

describe('printableText', () => {
  it('prints names as written, composed, and marks what the font cannot show', () => {
    expect(printableText('José Nguyễn — “Joe” Παπαδόπουλος Иванов')).toBe(
      'José Nguyễn — “Joe” Παπαδόπουλος Иванов',
    );
    // A decomposed é (e + combining acute) is composed, so that the PDF holds one glyph.
    expect(printableText('Jose\u0301')).toBe('José');
    expect(printableText('王 🙂')).toBe('\ufffd \ufffd');
    expect(printableText('a\u0007b')).toBe('a\ufffdb');
  });
});
