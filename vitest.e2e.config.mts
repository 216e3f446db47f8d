import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: real Chromium against the real HTTP host on a temporary database.
 * One fork, files one after another (2 shared cores; each file starts its own host).
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/globalSetup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // The UI answers within a few seconds on a loaded 2-core machine; vitest's default poll gives up after 1 s.
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
});
