import { Card, Descriptions, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../app/AppInfoContext';
import { SupervisorForm } from '../../app/SupervisorForm';
import { changeLanguage, type Language } from '../../i18n/initI18n';
import { useSessionAccount } from '../login/SessionContext';

/** 常规: who judges (考核人), the interface language, where the database file lives, the version. */
export function GeneralSettings() {
  const { t, i18n } = useTranslation();
  const { info } = useAppInfo();
  // On a city server the account signs every change (app.setSupervisor is the desktop's): shown, not edited.
  const account = useSessionAccount();
  const role = account ? t(`login.roles.${account.role}`) : '';
  return (
    <Card style={{ maxWidth: 860 }}>
      <Descriptions column={1} bordered size="middle" styles={{ label: { width: 160 } }}>
        <Descriptions.Item label={t('supervisor.title')}>
          {account ? (
            <Typography.Text data-testid="settings-account">
              {account.district ? t('login.accountDistrict', { name: account.name, role, district: account.district }) : t('login.account', { name: account.name, role })}
            </Typography.Text>
          ) : (
            <SupervisorForm />
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('settings.language')}>
          <Radio.Group
            value={i18n.language === 'en' ? 'en' : 'zh-CN'}
            onChange={(e) => void changeLanguage(e.target.value as Language)}
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
            data-testid="language-switch"
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('settings.database')}>
          <Typography.Text copyable data-testid="database-path">
            {info?.databasePath ?? '…'}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('settings.version')}>{info?.version ?? '…'}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
