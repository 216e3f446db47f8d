import { describe, expect, it } from 'vitest';
import { allowExternal, allowNavigation, allowPermission, isAppPage, rendererIndexUrl } from '../../../../electron/main/navigationPolicy';
import { isTrustedSender } from '../../../../electron/main/senderCheck';

const index = rendererIndexUrl();

describe('navigation', () => {
  it('knows the app page by its app:// URL, whatever the route', () => {
    expect(index).toBe('app://kaoping/index.html');
    expect(isAppPage(index, index)).toBe(true);
    expect(isAppPage(`${index}#/import`, index)).toBe(true);
    expect(isAppPage(`${index}?x=1#/data/orders`, index)).toBe(true);
    expect(isAppPage('app://kaoping/', index)).toBe(true);
  });

  it('refuses every other page: file:// (the old way in, a dropped file), other app:// pages and hosts, the web, other schemes', () => {
    for (const url of [
      'file:///opt/考评工作台/resources/app.asar/out/renderer/index.html',
      'file:///home/user/Desktop/订单明细.xlsx',
      'app://kaoping/other.html',
      'app://kaoping/assets/index.js',
      'app://other/index.html',
      'app://user:pw@kaoping/index.html',
      'app://kaoping:8080/index.html',
      'https://example.com/',
      'http://127.0.0.1:5173/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'not a url',
    ]) {
      expect(allowNavigation(url, index), url).toBe(false);
    }
  });
});

describe('opening links in the browser', () => {
  it('only https, only allowlisted hosts, no credentials or ports', () => {
    const hosts = ['help.example.cn'];
    expect(allowExternal('https://help.example.cn/guide', hosts)).toBe(true);
    expect(allowExternal('https://HELP.example.cn/guide', hosts)).toBe(true);
    for (const url of [
      'http://help.example.cn/guide',
      'https://evil.example.com/',
      'https://help.example.cn.evil.com/',
      'https://user:pw@help.example.cn/',
      'https://help.example.cn:8443/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'ms-settings:',
      'javascript:alert(1)',
      '',
    ]) {
      expect(allowExternal(url, hosts), url).toBe(false);
    }
  });

  it('opens nothing with the shipped (empty) allowlist', () => {
    expect(allowExternal('https://www.electronjs.org/')).toBe(false);
  });
});

describe('permissions', () => {
  it('refuses every permission request', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb']) {
      expect(allowPermission(p), p).toBe(false);
    }
  });
});

describe('the IPC sender check', () => {
  it("accepts only the top frame of the app's page", () => {
    expect(isTrustedSender({ url: `${index}#/import`, parent: null }, index)).toBe(true);
    expect(isTrustedSender({ url: index, parent: { url: index } }, index)).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', parent: null }, index)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', parent: null }, index)).toBe(false);
    expect(isTrustedSender({ url: 'about:blank', parent: null }, index)).toBe(false);
    expect(isTrustedSender(null, index)).toBe(false);
    expect(isTrustedSender(undefined, index)).toBe(false);
  });

  it('refuses the file:// page the renderer used to be loaded from', () => {
    expect(isTrustedSender({ url: 'file:///app/out/renderer/index.html', parent: null }, index)).toBe(false);
  });
});
