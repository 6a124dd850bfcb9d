import { describe, expect, it } from 'vitest';
import { scoreResponse } from '../score.ts';
import { gad7 } from './gad-7.ts';

function answers(values: readonly number[]): Record<string, number> {
  return Object.fromEntries(values.map((value, index) => [`gad7-${index + 1}`, value]));
}

describe('GAD-7', () => {
  it('has the seven published items and the unscored difficulty question, in English and Spanish', () => {
    expect(gad7.items.filter((item) => item.scored)).toHaveLength(7);
    for (const item of gad7.items) expect(item.text?.es).toBeTruthy();
  });

  it.each([
    [[0, 0, 0, 0, 0, 0, 0], 0, 'minimal'],
    [[1, 1, 1, 1, 0, 0, 0], 4, 'minimal'],
    [[1, 1, 1, 1, 1, 0, 0], 5, 'mild'],
    [[2, 2, 2, 1, 1, 1, 0], 9, 'mild'],
    [[2, 2, 2, 2, 2, 0, 0], 10, 'moderate'],
    [[2, 2, 2, 2, 2, 2, 2], 14, 'moderate'],
    [[3, 3, 3, 3, 3, 0, 0], 15, 'severe'],
    [[3, 3, 3, 3, 3, 3, 3], 21, 'severe'],
  ])('scores %j as %i (%s), the published cut-offs 5, 10, 15', (values, total, band) => {
    const result = scoreResponse(gad7, answers(values));
    expect(result.ok && result.response.total).toMatchObject({
      scored: true,
      value: total,
      band: { id: band },
    });
  });
});
