import { describe, expect, it } from 'vitest';
import { misplacedTests, testPlacements } from '../../helpers/testPlacement';

describe('the test folders mirror the code (tests/helpers/testPlacement.ts has the rule)', () => {
  it('every file of tests/unit and tests/integration sits where the rule puts it', () => {
    const moves = misplacedTests().map((m) => `git mv ${m.file} ${m.shouldBe}`);
    expect(
      moves,
      `${moves.length} test files are not in the folder that mirrors their code (tests/<unit|integration>/<path under src>/, ` +
        'electron/… under tests/<tier>/electron/…, shared support files in tests/helpers/). Move each as listed and fix its relative imports, ' +
        'or run `node --import tsx scripts/moveMisplacedTests.mts`, which does both',
    ).toEqual([]);
  });

  it('finds the test of a file without searching: a test named after a code file sits in that file’s mirror folder', () => {
    const placements = testPlacements();
    expect(placements.length).toBeGreaterThan(100);
    const datesTest = placements.find((p) => p.file.endsWith('/dates.test.ts'));
    expect(datesTest?.shouldBe).toBe('tests/unit/core/calendar/dates.test.ts');
  });
});
