import { defineConfig } from 'vitest/config';

/**
 * The desktop app under Playwright's Electron runner (npm run test:electron, run after npm test
 * by its posttest hook). Skips itself, with the reason, where no Electron binary exists.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/electron/**/*.electron.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    // Building the app and rebuilding better-sqlite3 for Electron can take minutes on a first run.
    hookTimeout: 600_000,
  },
});
