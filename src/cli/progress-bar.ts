/** What the bar shows: how far (0 to 1), and the meetings and items so far. */
export interface ProgressState {
  fraction: number;
  meetings: number;
  items: number;
}

/** A one-line progress display that redraws itself in place. */
export interface ProgressBar {
  update(state: ProgressState): void;
  /** Clears the line, so that what is printed next starts on a clean line. */
  finish(): void;
}

/** The terminal a bar draws on: only a TTY gets one. */
export interface ProgressTerminal {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** At most ten redraws a second: enough to look alive, cheap on a 100,000-item import. */
const redrawIntervalMs = 100;
const barWidth = 24;
const numberFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });

/**
 * A progress bar on stderr when it is a terminal; otherwise (a pipe, a log file, CI) a bar
 * that does nothing, as redrawn lines would only clutter a log.
 */
export function createProgressBar(
  terminal: ProgressTerminal = process.stderr,
  now: () => number = Date.now,
): ProgressBar {
  if (!terminal.isTTY) return { update() {}, finish() {} };
  const startedAt = now();
  let drawnAt = Number.NEGATIVE_INFINITY;
  let isDrawn = false;
  return {
    update(state) {
      const time = now();
      if (time - drawnAt < redrawIntervalMs && state.fraction < 1) return;
      drawnAt = time;
      isDrawn = true;
      const line = formatProgressLine(state, time - startedAt);
      const width = Math.max(20, (terminal.columns || 80) - 1);
      terminal.write(`\r\x1b[2K${line.slice(0, width)}`);
    },
    finish() {
      if (isDrawn) terminal.write('\r\x1b[2K');
      isDrawn = false;
    },
  };
}

/** One line of the bar, in Danish: "[█████░░░]  42 % · 120 møder · 980 punkter · 2.140 punkter/s". */
export function formatProgressLine(state: ProgressState, elapsedMs: number): string {
  const fraction = Math.min(1, Math.max(0, state.fraction));
  const filled = Math.round(fraction * barWidth);
  const bar = `[${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}]`;
  const percent = `${String(Math.floor(fraction * 100)).padStart(3)} %`;
  const meetings = `${numberFormat.format(state.meetings)} ${state.meetings === 1 ? 'møde' : 'møder'}`;
  const items = `${numberFormat.format(state.items)} ${state.items === 1 ? 'punkt' : 'punkter'}`;
  const parts = [`${bar} ${percent}`, meetings, items];
  if (elapsedMs >= 1000)
    parts.push(`${numberFormat.format(state.items / (elapsedMs / 1000))} punkter/s`);
  return parts.join(' · ');
}
