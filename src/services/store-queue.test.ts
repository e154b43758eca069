import { describe, expect, it } from 'vitest';
import { createStoreQueue, retryConflicts } from './store-queue.ts';

/** A task that records when it starts and ends, and ends when told. */
function controlledTask(log: string[], name: string) {
  let finish = () => {};
  const ended = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    run: async () => {
      log.push(`start ${name}`);
      await ended;
      log.push(`end ${name}`);
    },
    finish: () => finish(),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('store queue', () => {
  it('overlaps tasks with different keys, up to its concurrency', async () => {
    const log: string[] = [];
    const queue = createStoreQueue(2);
    const [a, b, c] = ['a', 'b', 'c'].map((name) => controlledTask(log, name));
    await queue.add('a', a?.run ?? (async () => {}));
    await queue.add('b', b?.run ?? (async () => {}));
    const third = queue.add('c', c?.run ?? (async () => {}));
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    b?.finish();
    await third;
    await tick();
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    a?.finish();
    c?.finish();
    await queue.drain();
    expect(log.filter((entry) => entry.startsWith('end'))).toHaveLength(3);
  });

  it('runs tasks with the same key in the order they were added', async () => {
    const log: string[] = [];
    const queue = createStoreQueue(3);
    const first = controlledTask(log, 'first');
    const second = controlledTask(log, 'second');
    await queue.add('Chefforum 2018-10-11', first.run);
    await queue.add('Chefforum 2018-10-11', second.run);
    await tick();
    expect(log).toEqual(['start first']);
    second.finish();
    first.finish();
    await queue.drain();
    expect(log).toEqual(['start first', 'end first', 'start second', 'end second']);
  });

  it('goes on after a task that fails', async () => {
    const queue = createStoreQueue(1);
    const done: string[] = [];
    await queue.add('x', async () => {
      throw new Error('fejl');
    });
    await queue.add('x', async () => {
      done.push('next');
    });
    await queue.drain();
    expect(done).toEqual(['next']);
  });
});

describe('retrying conflicts', () => {
  const conflict = (code: string) => Object.assign(new Error(code), { code });

  it('runs a write again when it lost a race', async () => {
    const codes = ['40P01', '23505', 'SQLITE_BUSY'];
    let attempts = 0;
    const result = await retryConflicts(async () => {
      const code = codes[attempts++];
      if (code) throw conflict(code);
      return 'gemt';
    });
    expect(result).toBe('gemt');
    expect(attempts).toBe(4);
  });

  /** Runs a write that always fails with the code; how often it was tried. */
  async function attemptsFailingWith(code: string): Promise<number> {
    let attempts = 0;
    await expect(
      retryConflicts(async () => {
        attempts++;
        throw conflict(code);
      }),
    ).rejects.toThrow(code);
    return attempts;
  }

  it('gives up after four attempts, with the last error', async () => {
    expect(await attemptsFailingWith('40001')).toBe(4);
  });

  it('does not retry other errors', async () => {
    expect(await attemptsFailingWith('22P02')).toBe(1);
  });
});
