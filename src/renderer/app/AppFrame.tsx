import { Alert, DatePicker, Layout, Menu, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/ApiContext';
import { AccountBadge } from '../features/login/AccountBadge';
import { useSessionAccount } from '../features/login/SessionContext';
import { DataPage } from '../features/data/DataPage';
import { EvaluationPage } from '../features/evaluation/EvaluationPage';
import { ImportPage } from '../features/import/ImportPage';
import { requestReportExport } from '../features/report/reportExportRequest';
import { JournalsPage } from '../features/journals/JournalsPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { CityPage } from '../features/city/CityPage';
import { navigate, pageKey, parseHash, useHashRoute, type Page } from './hashRoute';
import { useAppInfo } from './AppInfoContext';
import { navItems, OTHER_KINDS } from './navItems';
import { useMonth } from './useMonth';
import { ShortcutsModal } from './ShortcutsModal';
import { SupervisorFirstStart } from './SupervisorFirstStart';
import { SupervisorPrompt } from './SupervisorPrompt';
import { useSupervisorSkip } from './supervisorSkip';
import { WelcomeModal } from './WelcomeModal';

const SIDER_WIDTH = 176;

/** The window: navigation on the left, the month picker in the header, one screen in the middle. */
export function AppFrame() {
  const { t } = useTranslation();
  const { page } = useHashRoute();
  const [month, setMonth] = useMonth();
  const key = pageKey(page);
  const client = useApiClient();
  const { info } = useAppInfo();
  const [supervisorSkipped, skipSupervisor] = useSupervisorSkip();
  // On a city server the account signs every change: no supervisor prompt, no demo offer.
  const account = useSessionAccount();
  // The desktop menu (文件 › 导入…) reaches the page as an event; the page knows its screens.
  useEffect(
    () =>
      client.on('app.menu', ({ command }) => {
        if (command === 'exportReport') requestReportExport();
        navigate({ page: command === 'import' ? { name: 'import' } : { name: 'evaluation' } });
      }),
    [client],
  );
  const inOther = page.name === 'data' && OTHER_KINDS.includes(page.kind);
  const [openKeys, setOpenKeys] = useState<string[]>(inOther ? ['other'] : []);
  // Opening a table of 其他数据 from elsewhere (a link, the overview) unfolds its submenu.
  useEffect(() => {
    if (inOther) setOpenKeys((keys) => (keys.includes('other') ? keys : [...keys, 'other']));
  }, [inOther]);

  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider width={SIDER_WIDTH} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        {/* 设置 stays pinned at the bottom: with 其他数据 unfolded the menu is taller than a 768-pixel screen. */}
        <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
          <div style={{ height: 48, flex: 'none', display: 'flex', alignItems: 'center', padding: '0 20px', fontWeight: 600, fontSize: 16 }}>
            {t('app.title')}
          </div>
          <Menu
            mode="inline"
            selectedKeys={[key]}
            openKeys={openKeys}
            onOpenChange={setOpenKeys}
            items={navItems(t).filter((item) => item?.key !== 'settings' && (item?.key !== 'city' || (info?.districts ?? 0) > 1))}
            style={{ borderInlineEnd: 'none', flex: 1, minHeight: 0, overflow: 'auto' }}
            onClick={({ key: clicked }) => navigate({ page: parseHash(`#/${clicked}`).page })}
          />
          <Menu
            mode="inline"
            selectedKeys={[key]}
            items={navItems(t).filter((item) => item?.key === 'settings')}
            style={{ borderInlineEnd: 'none', borderTop: '1px solid #f0f0f0', flex: 'none' }}
            onClick={({ key: clicked }) => navigate({ page: parseHash(`#/${clicked}`).page })}
            data-testid="nav-settings"
          />
          {info?.audit.intact && (
            <Typography.Text type="secondary" data-testid="audit-intact" style={{ display: 'block', flex: 'none', padding: '6px 20px', fontSize: 12 }}>
              {t('app.auditIntact', { rows: info.audit.rows })}
            </Typography.Text>
          )}
        </div>

      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            height: 48,
            lineHeight: '48px',
            padding: '0 20px',
            background: '#fff',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
          }}
        >
          <Typography.Title level={5} style={{ margin: 0, flex: 1 }}>
            {pageTitle(page, t)}
          </Typography.Title>
          {account ? <AccountBadge /> : <SupervisorPrompt />}
          <span>{t('app.month')}</span>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            placeholder={t('app.monthPlaceholder')}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            data-testid="month-picker"
            style={{ width: 130 }}
          />
        </Layout.Header>
        <Layout.Content style={{ overflow: 'auto', padding: 16, background: '#f5f6f8' }}>
          {info && !info.audit.intact && (
            <Alert
              type="error"
              showIcon
              data-testid="audit-broken"
              style={{ marginBottom: 12 }}
              message={t('app.auditBroken', { row: info.audit.brokenAt })}
              description={info.audit.message}
            />
          )}
          <Screen page={page} month={month} />
        </Layout.Content>
      </Layout>
      {!account && <SupervisorFirstStart skipped={supervisorSkipped} onSkip={skipSupervisor} />}
      {/* The demo offer comes after: its import batches are signed with the name just given. */}
      {!account && (info?.supervisor || supervisorSkipped) && <WelcomeModal />}
      <ShortcutsModal />
    </Layout>
  );
}

function Screen({ page, month }: { page: Page; month: string }) {
  switch (page.name) {
    case 'overview':
      return <OverviewPage month={month} />;
    case 'import':
      return <ImportPage />;
    case 'data':
      return <DataPage key={page.kind} kind={page.kind} month={month} {...(page.filter ? { filter: page.filter } : {})} />;
    case 'evaluation':
      return <EvaluationPage month={month} manager={page.manager ?? null} {...(page.show ? { show: page.show } : {})} />;
    case 'journals':
      return <JournalsPage month={month} pair={page.pair ?? null} mode={page.mode ?? 'pairs'} />;
    case 'settings':
      return <SettingsPage />;
    case 'city':
      return <CityPage month={month} />;
  }
}

function pageTitle(page: Page, t: (key: string) => string): string {
  if (page.name === 'data') return t(`nav.${page.kind}`);
  return page.name === 'journals' ? t('nav.compare') : t(`nav.${page.name}`);
}
