import { describe, expect, it } from 'vitest';
import { scoreResponse } from '../score.ts';
import { phq9 } from './phq-9.ts';

function answers(values: readonly number[]): Record<string, number> {
  return Object.fromEntries(values.map((value, index) => [`phq9-${index + 1}`, value]));
}

describe('PHQ-9', () => {
  it('has the nine published items and the unscored difficulty question, in English and Spanish', () => {
    expect(phq9.items.filter((item) => item.scored)).toHaveLength(9);
    expect(phq9.items.find((item) => item.id === 'phq9-difficulty')?.scored).toBe(false);
    for (const item of phq9.items) expect(item.text?.es).toBeTruthy();
    expect(phq9.items[0]?.text?.en).toBe('Little interest or pleasure in doing things');
  });

  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'minimal'],
    [[1, 1, 1, 1, 0, 0, 0, 0, 0], 4, 'minimal'],
    [[1, 1, 1, 1, 1, 0, 0, 0, 0], 5, 'mild'],
    [[1, 1, 1, 1, 1, 1, 1, 1, 1], 9, 'mild'],
    [[2, 2, 2, 2, 2, 0, 0, 0, 0], 10, 'moderate'],
    [[2, 2, 2, 2, 2, 2, 2, 0, 0], 14, 'moderate'],
    [[3, 3, 3, 3, 3, 0, 0, 0, 0], 15, 'moderately-severe'],
    [[3, 3, 3, 3, 3, 2, 2, 0, 0], 19, 'moderately-severe'],
    [[3, 3, 3, 3, 3, 3, 2, 0, 0], 20, 'severe'],
    [[3, 3, 3, 3, 3, 3, 3, 3, 3], 27, 'severe'],
  ])('scores %j as %i (%s), the published cut-offs 5, 10, 15, 20', (values, total, band) => {
    const result = scoreResponse(phq9, { ...answers(values), 'phq9-difficulty': 1 });
    expect(result.ok && result.response.total).toMatchObject({
      scored: true,
      value: total,
      band: { id: band },
    });
  });

  it('raises item 9 above "not at all" as a self-harm signal whatever the total', () => {
    const result = scoreResponse(phq9, answers([0, 0, 0, 0, 0, 0, 0, 0, 1]));
    expect(result.ok && result.response.total).toMatchObject({ value: 1, band: { id: 'minimal' } });
    expect(result.ok && result.response.criticalAnswers).toEqual([
      { itemId: 'phq9-9', value: 1, signal: 'self-harm' },
    ]);
    const none = scoreResponse(phq9, answers([3, 3, 3, 3, 3, 3, 3, 3, 0]));
    expect(none.ok && none.response.criticalAnswers).toEqual([]);
  });

  it('does not score an incomplete questionnaire, and still raises item 9', () => {
    const result = scoreResponse(phq9, { 'phq9-1': 2, 'phq9-9': 2 });
    expect(result.ok && result.response.total).toMatchObject({ scored: false, reason: 'too-many-missing' });
    expect(result.ok && result.response.criticalAnswers).toHaveLength(1);
  });

  it('refuses an answer the questionnaire does not offer', () => {
    expect(scoreResponse(phq9, { 'phq9-1': 4 })).toEqual({
      ok: false,
      problems: [{ itemId: 'phq9-1', problem: 'not-an-answer', allowed: [0, 1, 2, 3] }],
    });
  });
});
