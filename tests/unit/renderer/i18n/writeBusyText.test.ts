import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { DistrictBusyError } from '../../../../src/backend/services/districts/districtWriteLock';
import { en } from '../../../../src/renderer/i18n/en';
import { apiErrorText, writeBusyMessage } from '../../../../src/renderer/i18n/writeBusyText';
import { zhCN } from '../../../../src/renderer/i18n/zhCN';
import { WRITE_ACTIONS, type WriteBusy } from '../../../../src/shared/api/writeBusy';

const i18n = i18next.createInstance();

/** Every shape a busy district can be told in: each action, a district or the city, a holder that cannot be told. */
const cases: WriteBusy[] = [
  ...WRITE_ACTIONS.map((action) => ({ who: '张三', action, district: '临河营销部' })),
  { who: '李四', action: 'calendar', district: null },
  { who: null, action: null, district: '城西营销部' },
  { who: null, action: null, district: null },
];

describe('a busy district said in the UI language', () => {
  beforeAll(async () => {
    await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN', interpolation: { escapeValue: false } });
  });

  it('says in Chinese exactly what the backend says', async () => {
    await i18n.changeLanguage('zh-CN');
    for (const busy of cases) expect(writeBusyMessage(i18n.t, busy)).toBe(new DistrictBusyError(busy).message);
    expect(writeBusyMessage(i18n.t, cases[0]!)).toBe('正在由 张三 导入数据（营销部 临河营销部），请稍后再试');
  });

  it('says it in English, every action translated, for a district_busy error only', async () => {
    await i18n.changeLanguage('en');
    expect(writeBusyMessage(i18n.t, cases[0]!)).toBe('张三 is importing data (district 临河营销部); please try again in a moment');
    expect(writeBusyMessage(i18n.t, { who: '李四', action: 'calendar', district: null })).toBe('李四 is changing the work calendar (data the whole city shares); please try again in a moment');
    for (const busy of cases) {
      const said = writeBusyMessage(i18n.t, busy);
      expect(said).not.toContain('writeBusy.');
      if (busy.action !== null) expect(said).toContain(en.writeBusy.actions[busy.action]);
    }
    const error = new DistrictBusyError(cases[0]!);
    expect(apiErrorText(i18n.t, { code: error.code, message: error.message, details: error.details })).toBe(writeBusyMessage(i18n.t, cases[0]!));
    expect(apiErrorText(i18n.t, { code: 'finalized', message: '2026-10 已定稿', details: cases[0] })).toBe('2026-10 已定稿');
  });
});
