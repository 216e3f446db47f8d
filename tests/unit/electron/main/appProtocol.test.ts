import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, appRequestFile } from '../../../../electron/main/appProtocol';

const dir = path.resolve('/opt/kaoping/resources/app.asar/out/renderer');

describe('the app:// protocol', () => {
  it('serves the renderer build: the page at / and its assets', () => {
    expect(appRequestFile(APP_INDEX_URL, dir)).toBe(path.join(dir, 'index.html'));
    expect(appRequestFile('app://kaoping/', dir)).toBe(path.join(dir, 'index.html'));
    expect(appRequestFile('app://kaoping/index.html#/import?month=2026-10', dir)).toBe(path.join(dir, 'index.html'));
    expect(appRequestFile('app://kaoping/assets/index-abc.js', dir)).toBe(path.join(dir, 'assets', 'index-abc.js'));
    expect(appRequestFile('app://kaoping/assets/%E5%AD%97%E4%BD%93.woff2', dir)).toBe(path.join(dir, 'assets', '字体.woff2'));
  });

  it('serves nothing outside the build folder, nor for another host', () => {
    // Whatever the URL parser makes of '..', the file stays inside the build folder.
    for (const url of ['app://kaoping/../package.json', 'app://kaoping/assets/../../../etc/passwd', 'app://kaoping/%2e%2e/%2e%2e/package.json']) {
      const file = appRequestFile(url, dir);
      if (file !== null) expect(file.startsWith(dir + path.sep), url).toBe(true);
    }
    for (const url of [
      'app://kaoping/assets/..%2f..%2fpackage.json',
      'app://kaoping/assets/%5c..%5c..%5cpackage.json',
      'app://kaoping/C:%5cWindows%5cwin.ini',
      'app://kaoping/x%00.js',
      'app://other/index.html',
      'app://user@kaoping/index.html',
      'app://kaoping:8080/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(appRequestFile(url, dir), url).toBeNull();
    }
  });

  it('is privileged as a secure standard scheme without a CSP bypass or service workers', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, supportFetchAPI: true, bypassCSP: false, allowServiceWorkers: false, corsEnabled: false });
  });
});
