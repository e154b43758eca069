/** Passes of background work, on a timer and when woken (the outbox, the Bilag text reader). */
export interface BackgroundPasses {
  /** Run a pass now, or right after the one under way. */
  wake(): void;
  /** Stops the timer, aborts the passes' signal and waits for the pass under way. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` now, every `intervalMs`, and whenever woken, never two at once: a wake during a
 * pass runs one more right after it, and so does a pass that answers true (it has more to do).
 * A pass that fails is left for the next one (the database away for a moment).
 */
export function startBackgroundPasses(
  pass: (signal: AbortSignal) => Promise<boolean>,
  intervalMs: number,
): BackgroundPasses {
  const stopping = new AbortController();
  let running: Promise<void> | null = null;
  let isWanted = false;
  const wake = (): void => {
    if (stopping.signal.aborted) return;
    if (running) {
      isWanted = true;
      return;
    }
    running = pass(stopping.signal)
      .then(
        (hasMore) => {
          if (hasMore) isWanted = true;
        },
        () => undefined,
      )
      .finally(() => {
        running = null;
        if (isWanted && !stopping.signal.aborted) {
          isWanted = false;
          wake();
        }
      });
  };
  const timer = setInterval(wake, intervalMs);
  timer.unref();
  wake();
  return {
    wake,
    async stop() {
      stopping.abort();
      clearInterval(timer);
      await running;
    },
  };
}
