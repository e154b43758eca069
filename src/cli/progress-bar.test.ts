import { describe, expect, it } from 'vitest';
import { createProgressBar, formatProgressLine } from './progress-bar.ts';

function fakeTerminal(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, terminal: { isTTY, columns: 100, write: (text: string) => writes.push(text) } };
}

describe('the import progress bar', () => {
  it('shows bar, percent, meetings, items and items per second in Danish', () => {
    expect(formatProgressLine({ fraction: 0.42, meetings: 1200, items: 9800 }, 4000)).toBe(
      '[██████████░░░░░░░░░░░░░░]  42 % · 1.200 møder · 9.800 punkter · 2.450 punkter/s',
    );
    expect(formatProgressLine({ fraction: 0, meetings: 1, items: 1 }, 10)).toBe(
      '[░░░░░░░░░░░░░░░░░░░░░░░░]   0 % · 1 møde · 1 punkt',
    );
  });

  it('draws nothing when stderr is not a terminal', () => {
    const { writes, terminal } = fakeTerminal(false);
    const bar = createProgressBar(terminal);
    bar.update({ fraction: 0.5, meetings: 1, items: 2 });
    bar.finish();
    expect(writes).toEqual([]);
  });

  it('redraws one line at most ten times a second, always at the end, and clears it', () => {
    const { writes, terminal } = fakeTerminal(true);
    let now = 0;
    const bar = createProgressBar(terminal, () => now);
    bar.update({ fraction: 0.1, meetings: 1, items: 8 });
    now = 50;
    bar.update({ fraction: 0.2, meetings: 2, items: 16 });
    now = 120;
    bar.update({ fraction: 0.3, meetings: 3, items: 24 });
    now = 130;
    bar.update({ fraction: 1, meetings: 4, items: 32 });
    bar.finish();
    expect(writes).toHaveLength(4);
    expect(writes.slice(0, 3).every((text) => text.startsWith('\r\x1b[2K['))).toBe(true);
    expect(writes[1]).toContain(' 30 %');
    expect(writes[2]).toContain('100 %');
    expect(writes[3]).toBe('\r\x1b[2K');
  });
});
