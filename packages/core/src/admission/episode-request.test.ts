import { describe, expect, it } from 'vitest';
import { admissionSchema, episodeRequestMessages, levelOfCareChangeInputSchema } from './episode-request.ts';

function messagesOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
  );
}

describe('episode requests', () => {
  it('refuses an admission without a substance, in the words of its code', () => {
    const result = admissionSchema.safeParse({
      admittedOn: '2026-01-05',
      referralSource: 'self',
      setting: 'outpatient',
      substances: [],
    });
    expect(messagesOf(result)).toEqual({ substances: episodeRequestMessages.substancesMissing });
  });

  it('refuses a level of care the ASAM edition does not have', () => {
    const result = levelOfCareChangeInputSchema.safeParse({
      effectiveOn: '2026-01-05',
      direction: 'step_down',
      setting: 'outpatient',
      asam: { edition: '4', level: '9.9' },
      reason: 'Stable',
      version: 1,
    });
    expect(messagesOf(result)).toEqual({ 'asam.level': episodeRequestMessages.asamLevelOfEdition });
  });
});
