import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { MESSAGE_FORMATS } from '../../core/messages/messageText';
import { en } from './en';
import { zhCN } from './zhCN';

export type Language = 'zh-CN' | 'en';
const LANGUAGE_STORAGE_KEY = 'kaoping.language';

function storedLanguage(): Language {
  return localStorage.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

/** Chinese by default; the choice in 设置 is remembered on this PC. */
export async function initI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'zh-CN',
    // React escapes text itself; i18next escaping would show &lt; in file names.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // Flag and rule sentences name these in their templates ({{day, kdate}}): the core's formats, so
  // the Chinese on screen reads as in the report.
  for (const [name, format] of Object.entries(MESSAGE_FORMATS)) i18next.services.formatter?.add(name, format);
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  await i18next.changeLanguage(language);
}
