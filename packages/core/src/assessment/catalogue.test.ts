import { describe, expect, it } from 'vitest';
import { findInstrument, instrumentCatalogue, scoreInstrument } from './catalogue.ts';
import { itemRange } from './instrument.ts';

describe('instrument catalogue', () => {
  it('has one current version per id, each naming its source and licence', () => {
    const ids = instrumentCatalogue.map((instrument) => instrument.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const instrument of instrumentCatalogue) {
      expect(instrument.source.length).toBeGreaterThan(20);
      expect(instrument.licence.statement.length).toBeGreaterThan(10);
    }
  });

  it('keeps every instrument consistent: unique item ids, scores over known items, bands inside the range', () => {
    for (const instrument of instrumentCatalogue) {
      const itemIds = instrument.items.map((item) => item.id);
      expect(new Set(itemIds).size, instrument.id).toBe(itemIds.length);
      for (const score of [instrument.total, ...instrument.subscales]) {
        if (score === undefined) continue;
        for (const itemId of score.itemIds) expect(itemIds, instrument.id).toContain(itemId);
        for (const band of score.bands ?? []) {
          expect(band.min, `${instrument.id} ${band.id}`).toBeGreaterThanOrEqual(score.range.min);
          expect(band.max, `${instrument.id} ${band.id}`).toBeLessThanOrEqual(score.range.max);
        }
        if (score.method === 'sum') {
          const items = score.itemIds.map((id) => instrument.items.find((item) => item.id === id));
          const max = items.reduce((sum, item) => sum + (item === undefined ? 0 : itemRange(item).max), 0);
          expect(max, `${instrument.id} maximum`).toBe(score.range.max);
        }
      }
      // Embedded text exists in every language the instrument claims, or none (a licensed skeleton).
      for (const item of instrument.items) {
        if (item.text === null) {
          expect(instrument.licence.kind, instrument.id).toBe('licensed');
          continue;
        }
        for (const language of instrument.languages) expect(item.text[language], item.id).toBeTruthy();
      }
    }
  });

  it('scores by id and refuses an unknown instrument or version', () => {
    expect(scoreInstrument('phq-9', { 'phq9-1': 1 }).ok).toBe(true);
    expect(scoreInstrument('nope', {})).toEqual({ ok: false, problems: [{ problem: 'unknown-instrument' }] });
    expect(findInstrument('phq-9', 99)).toBeUndefined();
    expect(findInstrument('phq-9', 1)?.current).toBe(true);
  });
});
