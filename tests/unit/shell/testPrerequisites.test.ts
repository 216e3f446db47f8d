import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const script = 'scripts/ensureTestPrerequisites.mjs';

function check(env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8', env });
}

describe("the test command's own set-up", () => {
  it('passes here, where npm test has provisioned everything', () => {
    const result = check(process.env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('stops with one line naming what to install when the tools are missing', () => {
    // An empty PATH hides every tool; the Chromium override points nowhere.
    const result = check({ PATH: '/nonexistent', KAOPING_CHROMIUM: '/nonexistent/chromium' });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^The tests need Chromium, LibreOffice Calc, pdftoppm.*apt-get install chromium libreoffice-calc-nogui poppler-utils/);
  });
});
