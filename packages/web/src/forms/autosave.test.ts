import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem.ts';
import { Autosave } from './autosave.ts';

interface Call {
  values: string;
  version: number;
  resolve: (version: number) => void;
  reject: (error: unknown) => void;
}

/** A save the test answers by hand. */
function fakeServer() {
  const calls: Call[] = [];
  const save = (values: string, version: number) =>
    new Promise<number>((resolve, reject) => {
      calls.push({ values, version, resolve, reject });
    });
  return { calls, save };
}

const at = new Date('2026-12-06T10:00:00Z');
const conflict = new ApiError({ type: 'about:blank', title: 'Changed by someone else', status: 409 });
const unavailable = new ApiError({ type: 'about:blank', title: 'Not available', status: 503 });

describe('Autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once typing pauses, with the latest values', async () => {
    const server = fakeServer();
    const autosave = new Autosave({ save: server.save, version: 1, delay: 1000, now: () => at });
    autosave.change('I');
    await vi.advanceTimersByTimeAsync(500);
    autosave.change('I fe');
    await vi.advanceTimersByTimeAsync(999);
    expect(server.calls).toHaveLength(0);
    expect(autosave.getSnapshot()).toMatchObject({ status: { state: 'idle' }, unsaved: true });

    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls.map((call) => [call.values, call.version])).toEqual([['I fe', 1]]);
    expect(autosave.getSnapshot().status).toEqual({ state: 'saving' });

    server.calls[0]?.resolve(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.getSnapshot()).toEqual({ status: { state: 'saved', at }, unsaved: false, version: 2 });
  });

  it('never saves twice at once, and saves what was typed during a save right after it', async () => {
    const server = fakeServer();
    const autosave = new Autosave({ save: server.save, version: 1, delay: 1000 });
    autosave.change('a');
    await vi.advanceTimersByTimeAsync(1000);
    autosave.change('ab');
    autosave.change('abc');
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.calls).toHaveLength(1);

    server.calls[0]?.resolve(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.calls.map((call) => [call.values, call.version])).toEqual([
      ['a', 1],
      ['abc', 2],
    ]);
    server.calls[1]?.resolve(3);
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.getSnapshot()).toMatchObject({ unsaved: false, version: 3 });
  });

  it('waits for the pause when the person is still typing as a save ends', async () => {
    const server = fakeServer();
    const autosave = new Autosave({ save: server.save, version: 1, delay: 1000 });
    autosave.change('a');
    await vi.advanceTimersByTimeAsync(1000);
    autosave.change('ab');
    server.calls[0]?.resolve(2);
    await vi.advanceTimersByTimeAsync(500);
    expect(server.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(server.calls.map((call) => call.values)).toEqual(['a', 'ab']);
  });

  it('reports a failed save and saves the latest values on retry', async () => {
    const server = fakeServer();
    const autosave = new Autosave({ save: server.save, version: 4, delay: 1000 });
    autosave.change('draft');
    await vi.advanceTimersByTimeAsync(1000);
    server.calls[0]?.reject(unavailable);
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.getSnapshot()).toMatchObject({
      status: { state: 'failed', error: unavailable },
      unsaved: true,
      version: 4,
    });

    autosave.retry();
    expect(server.calls.map((call) => [call.values, call.version])).toEqual([
      ['draft', 4],
      ['draft', 4],
    ]);
  });

  it('stops on a version conflict and keeps it shown', async () => {
    const server = fakeServer();
    const autosave = new Autosave({ save: server.save, version: 1, delay: 1000 });
    autosave.change('mine');
    await vi.advanceTimersByTimeAsync(1000);
    server.calls[0]?.reject(conflict);
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.getSnapshot().status).toEqual({ state: 'conflict', error: conflict });

    autosave.change('more of mine');
    autosave.retry();
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.calls).toHaveLength(1);
    expect(autosave.getSnapshot().status.state).toBe('conflict');
  });

  it('tells listeners about each change of status', async () => {
    const server = fakeServer();
    const autosave = new Autosave({ save: server.save, version: 1, delay: 10 });
    const seen: string[] = [];
    autosave.subscribe(() => seen.push(autosave.getSnapshot().status.state));
    autosave.change('x');
    await vi.advanceTimersByTimeAsync(10);
    server.calls[0]?.resolve(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['idle', 'saving', 'saved']);
  });

  it('does nothing after it is disposed', async () => {
    const server = fakeServer();
    const autosave = new Autosave({ save: server.save, version: 1, delay: 10 });
    autosave.change('x');
    autosave.dispose();
    await vi.advanceTimersByTimeAsync(100);
    expect(server.calls).toHaveLength(0);
  });
});
