import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'app/src/**/*.test.ts'],
    testTimeout: 30_000,
    // Every answer must be one its route declares (server/response-contract.ts).
    env: { REFERAT_ENFORCE_API_CONTRACT: '1' },
    globalSetup: ['./test/support/global-setup.ts'],
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
  },
});
