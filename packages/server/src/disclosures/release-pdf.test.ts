import { redisclosureNotice, redisclosureStatement } from '@tandem/core';
import { describe, expect, it } from 'vitest';
import { pdfPageCount, pdfPageTexts } from '../testing/pdf-text.ts';
import { printableText, type ReleaseDocument, renderReleasePdf } from './release-pdf.ts';

function release(entries: number): ReleaseDocument {
  return {
    programName: 'Demo Recovery Center',
    patient: { name: 'José Nguyễn', dateOfBirth: '1975-09-30', mrn: 'MRN-000002' },
    recipientName: 'Jordan Example',
    consent: {
      id: '01900000-0000-7000-8000-000000000001',
      categories: ['attendance', 'medications'],
      purpose: 'Family support',
      signedName: 'José Nguyễn',
      signedAt: '2026-03-01 10:00 (America/Los_Angeles)',
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
    releasedAtText: '2026-03-10 11:00 (America/Los_Angeles)',
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
      'The patient consented in writing on 2026-03-01 to share attendance and appointments',
    );
    expect(text).toContain('Nothing recorded yet.');
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
