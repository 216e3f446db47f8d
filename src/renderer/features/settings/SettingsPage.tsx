import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GeneralSettings } from './GeneralSettings';
import { SchemesTab } from './SchemesTab';
import { WorkCalendarTab } from './WorkCalendarTab';

type SettingsTab = 'general' | 'schemes' | 'calendar';

/** 设置: 常规 (language, database, version), 考核方案 (the scheme editor), 工作日历 (the calendar). */
export function SettingsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<SettingsTab>('general');
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => setTab(key as SettingsTab)}
      destroyOnHidden
      data-testid="settings-tabs"
      items={[
        { key: 'general', label: t('settings.tabs.general'), children: <GeneralSettings /> },
        { key: 'schemes', label: t('schemes.title'), children: <SchemesTab /> },
        { key: 'calendar', label: t('workCalendar.title'), children: <WorkCalendarTab /> },
      ]}
    />
  );
}
