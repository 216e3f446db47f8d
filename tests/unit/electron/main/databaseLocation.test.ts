import { describe, expect, it } from 'vitest';
import { databaseLocation } from '../../../../electron/main/databaseLocation';
import { defaultDatabasePath } from '../../../../src/backend/db/defaultDatabasePath';

describe('where the desktop app keeps its database', () => {
  it('in the userData folder, the same file the command line finds', () => {
    const userData = '/home/zhang/.config/考评工作台';
    expect(databaseLocation({ userData, env: {}, platform: 'linux' })).toEqual({ ok: true, path: `${userData}/kaoping.sqlite`, note: null });
    expect(defaultDatabasePath({ XDG_CONFIG_HOME: '/home/zhang/.config' }, 'linux')).toBe(`${userData}/kaoping.sqlite`);
    const win = databaseLocation({ userData: 'C:\\Users\\zhang\\AppData\\Roaming\\考评工作台', env: {}, platform: 'win32' });
    expect(win).toEqual({ ok: true, path: 'C:\\Users\\zhang\\AppData\\Roaming\\考评工作台\\kaoping.sqlite', note: null });
  });

  it('KAOPING_DB wins, as for the command line', () => {
    expect(databaseLocation({ userData: '/x', env: { KAOPING_DB: '/data/k.sqlite' }, platform: 'linux' })).toMatchObject({ ok: true, path: '/data/k.sqlite' });
  });

  it('refuses a database on a network share, with the reason', () => {
    for (const unc of ['\\\\server\\share\\kaoping.sqlite', '//nas/kaoping/kaoping.sqlite']) {
      const found = databaseLocation({ userData: '/x', env: { KAOPING_DB: unc }, platform: 'win32' });
      expect(found.ok).toBe(false);
      if (!found.ok) expect(found.reason).toMatch(/网络共享目录.*WAL.*本机磁盘/);
    }
  });

  it('a roaming profile redirected to a server share: the database goes to the local profile', () => {
    const userData = '\\\\fileserver\\profiles$\\zhang\\AppData\\Roaming\\考评工作台';
    const found = databaseLocation({ userData, env: { LOCALAPPDATA: 'C:\\Users\\zhang\\AppData\\Local' }, platform: 'win32' });
    expect(found).toMatchObject({ ok: true, path: 'C:\\Users\\zhang\\AppData\\Local\\考评工作台\\kaoping.sqlite' });
    if (found.ok) expect(found.note).toContain('网络共享');
    expect(databaseLocation({ userData, env: {}, platform: 'win32' }).ok).toBe(false);
    expect(databaseLocation({ userData, env: { LOCALAPPDATA: '\\\\fileserver\\local' }, platform: 'win32' }).ok).toBe(false);
  });
});
