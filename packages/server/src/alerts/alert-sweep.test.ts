import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startAlertSweep } from './alert-sweep.ts';

describe('the alert sweep', () => {
  it('sweeps on every tick, keeps going after a failure, and stops when told', async () => {
    let passes = 0;
    const sweep = async () => {
      passes += 1;
      if (passes === 1) throw new Error('database restarting');
      return { raised: 0, escalated: 0 };
    };
    const job = startAlertSweep(sweep, 10, pino({ level: 'silent' }));
    await new Promise((resolve) => setTimeout(resolve, 80));
    await job.stop();
    const stoppedAt = passes;
    expect(stoppedAt).toBeGreaterThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(passes).toBe(stoppedAt);
  });
});
