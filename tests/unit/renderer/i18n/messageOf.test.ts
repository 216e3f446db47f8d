import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_FORMATS, messagesZh, type MessageText } from '../../../../src/core/messages/messageText';
import { en } from '../../../../src/renderer/i18n/en';
import { partsOf } from '../../../../src/renderer/i18n/messageOf';
import { zhCN } from '../../../../src/renderer/i18n/zhCN';

const i18n = i18next.createInstance();

/** A punch row as loadEvidence describes it: its text and its note, in parts. */
const text: MessageText[] = [
  { code: 'evidence.attendance.punchAt', params: { time: '08:30:03' } },
  { code: 'evidence.attendance.place', params: { value: '临河县站前街345号' } },
];
const note: MessageText[] = [
  { code: 'evidence.attendance.kind', params: { value: '上班' } },
  { code: 'evidence.attendance.result', params: { value: '外勤' } },
  { code: 'evidence.attendance.mockLocation', params: {} },
];

describe('evidence rows in the UI language (partsOf)', () => {
  beforeAll(async () => {
    await i18n.init({
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
      lng: 'en',
      fallbackLng: 'zh-CN',
      interpolation: { escapeValue: false },
    });
    for (const [name, format] of Object.entries(MESSAGE_FORMATS)) i18n.services.formatter?.add(name, format);
  });

  it('says the labels in English and keeps the row’s data as imported', async () => {
    await i18n.changeLanguage('en');
    expect(partsOf(i18n.t, text, messagesZh(text))).toBe('Punch 08:30:03, place: 临河县站前街345号');
    expect(partsOf(i18n.t, note, messagesZh(note, '；'), i18n.t('messages.evidence.separator'))).toBe('Type: 上班; Result: 外勤; Simulated location');
  });

  it('says them on a Chinese screen word for word as the report prints them', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(partsOf(i18n.t, text, 'stored')).toBe('打卡 08:30:03，地点：临河县站前街345号');
    expect(partsOf(i18n.t, note, 'stored', i18n.t('messages.evidence.separator'))).toBe(messagesZh(note, '；'));
  });

  it('shows the stored text of a row without parts, or with a part this build does not know', async () => {
    await i18n.changeLanguage('en');
    expect(partsOf(i18n.t, undefined, '工作日历：工作日；当天打卡：无')).toBe('工作日历：工作日；当天打卡：无');
    expect(partsOf(i18n.t, [...text, { code: 'evidence.attendance.newerPart', params: {} }], '打卡 08:30:03')).toBe('打卡 08:30:03');
  });
});
