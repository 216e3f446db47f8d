import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSessionAccount } from './SessionContext';
import { requestLogout } from './sessionRequests';

/** In the header on a city server: who is logged in, and the way out. */
export function AccountBadge() {
  const { t } = useTranslation();
  const account = useSessionAccount();
  if (!account) return null;
  const role = t(`login.roles.${account.role}`);
  return (
    <>
      <Typography.Text data-testid="account-badge">
        {account.district ? t('login.accountDistrict', { name: account.name, role, district: account.district }) : t('login.account', { name: account.name, role })}
      </Typography.Text>
      <Button
        size="small"
        data-testid="logout"
        onClick={() => {
          void requestLogout().then(() => window.location.reload());
        }}
      >
        {t('login.logout')}
      </Button>
    </>
  );
}
