import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // Both languages' messages, as the server has them (the browser loads one: app/entry.client.tsx).
    setupFiles: ['app/i18n/catalogues.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // Browser journeys take 15–25 s alone, longer while other test files share the 2 cores.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
