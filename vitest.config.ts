import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'app/src/**/*.test.ts'],
    testTimeout: 30_000,
    globalSetup: ['./test/support/global-setup.ts'],
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
  },
});
