import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startAlertEscalation } from './escalation-job.ts';
import type { AlertService } from './service.ts';

describe('the alert escalation job', () => {
  it('escalates on every tick, keeps going after a failure, and stops when told', async () => {
    let passes = 0;
    const service = {
      escalateAllDue: async () => {
        passes += 1;
        if (passes === 1) throw new Error('database restarting');
        return 0;
      },
    } as unknown as AlertService;
    const job = startAlertEscalation(service, 10, pino({ level: 'silent' }));
    await new Promise((resolve) => setTimeout(resolve, 80));
    await job.stop();
    const stoppedAt = passes;
    expect(stoppedAt).toBeGreaterThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(passes).toBe(stoppedAt);
  });
});
