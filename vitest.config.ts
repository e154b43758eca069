import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'app/src/**/*.test.ts'],
    testTimeout: 30_000,
    // Two files at once on two cores: a suite's set-up (an import into PGlite) can take longer.
    hookTimeout: 60_000,
    // Vitest leaves a core free by default (one worker on CI's two): the tests wait on
    // PostgreSQL, Chromium and child processes often enough to use both.
    maxWorkers: 2,
    // Every answer must be one its route declares (server/response-contract.ts).
    env: { REFERAT_ENFORCE_API_CONTRACT: '1' },
    globalSetup: ['./test/support/global-setup.ts'],
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
  },
});
