import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../api/ApiClient';
import { ApiProvider } from '../api/ApiContext';
import { SessionGate } from '../features/login/SessionGate';
import { AppFrame } from './AppFrame';
import { AppInfoProvider } from './AppInfoContext';

const FONT_FAMILY = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Segoe UI", sans-serif';

/** Providers: antd's locale and theme follow the UI language; the API client comes from outside. */
export function Root({ client }: { client: ApiClient }) {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  // Set before the children render so the month picker's first paint is localised too.
  dayjs.locale(zh ? 'zh-cn' : 'en');
  useEffect(() => {
    document.documentElement.lang = zh ? 'zh-CN' : 'en';
  }, [zh]);
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} theme={{ token: { fontFamily: FONT_FAMILY, borderRadius: 4 } }}>
      <AntApp>
        <SessionGate>
          <ApiProvider client={client}>
            <AppInfoProvider>
              <AppFrame />
            </AppInfoProvider>
          </ApiProvider>
        </SessionGate>
      </AntApp>
    </ConfigProvider>
  );
}
