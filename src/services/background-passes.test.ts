import { describe, expect, it } from 'vitest';
import { startBackgroundPasses } from './background-passes.ts';

/** A controllable pass: each call waits until released, and says whether more work waits. */
function controlledPass(moreAfter: boolean[] = []) {
  const releases: Array<() => void> = [];
  const signals: AbortSignal[] = [];
  let calls = 0;
  const pass = (signal: AbortSignal) => {
    signals.push(signal);
    const hasMore = moreAfter[calls] ?? false;
    calls++;
    return new Promise<boolean>((resolve) => releases.push(() => resolve(hasMore)));
  };
  const releaseNext = async () => {
    releases.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { pass, releaseNext, signals, calls: () => calls };
}

describe('startBackgroundPasses', () => {
  it('runs a pass at once, never two together, and one more after a wake during a pass', async () => {
    const control = controlledPass();
    const passes = startBackgroundPasses(control.pass, 60_000);
    expect(control.calls()).toBe(1);
    passes.wake();
    passes.wake();
    expect(control.calls()).toBe(1);
    await control.releaseNext();
    expect(control.calls()).toBe(2);
    await control.releaseNext();
    expect(control.calls()).toBe(2);
    await passes.stop();
  });

  it('goes on at once while a pass says more waits', async () => {
    const control = controlledPass([true, true, false]);
    const passes = startBackgroundPasses(control.pass, 60_000);
    await control.releaseNext();
    await control.releaseNext();
    await control.releaseNext();
    expect(control.calls()).toBe(3);
    await passes.stop();
  });

  it('survives a failing pass, and on stop aborts the pass, waits for it and runs no more', async () => {
    let calls = 0;
    const failing = startBackgroundPasses(async () => {
      calls++;
      throw new Error('databasen er væk');
    }, 60_000);
    await new Promise((resolve) => setImmediate(resolve));
    failing.wake();
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toBe(2);
    await failing.stop();

    const control = controlledPass();
    const passes = startBackgroundPasses(control.pass, 60_000);
    const stopped = passes.stop();
    expect(control.signals[0]?.aborted).toBe(true);
    let isStopped = false;
    void stopped.then(() => {
      isStopped = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(isStopped).toBe(false);
    await control.releaseNext();
    await stopped;
    passes.wake();
    expect(control.calls()).toBe(1);
  });
});
