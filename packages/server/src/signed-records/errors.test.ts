import { signedRecordRefusalMessages } from '@tandem/core';
import { describe, expect, it } from 'vitest';
import { signedRecordRefusals } from './errors.ts';

describe('signedRecordRefusals', () => {
  it('says what core says, refusal by refusal', () => {
    for (const [refusal, english] of Object.entries(signedRecordRefusalMessages)) {
      expect(signedRecordRefusals[refusal as keyof typeof signedRecordRefusals].defaultMessage).toBe(english);
    }
  });
});
