import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../../i18n/initI18n';
import { requestLogin, type LoginOutcome } from './sessionRequests';

/** A city server's login form: account and password; the gate reloads the page once logged in. */
export function LoginPage({ onLoggedIn, expired }: { onLoggedIn: () => void; expired: boolean }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Exclude<LoginOutcome, { ok: true }> | null>(null);

  async function submit({ name, password }: { name: string; password: string }) {
    setBusy(true);
    setError(null);
    const outcome = await requestLogin(name.trim(), password);
    setBusy(false);
    if (outcome.ok) onLoggedIn();
    else setError(outcome);
  }

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f6f8' }}>
      <Card style={{ width: 380 }} data-testid="login-page">
        <div style={{ display: 'flex', alignItems: 'baseline' }}>
          <Typography.Title level={3} style={{ margin: 0, flex: 1 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Link onClick={() => void changeLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')} data-testid="login-language">
            {t('login.language')}
          </Typography.Link>
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        {expired && !error && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('login.expired')} data-testid="login-expired" />}
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="login-error"
            message={error.reason === 'rateLimited' ? t('login.rateLimited', { minutes: error.minutes }) : t(`login.${error.reason}`)}
          />
        )}
        <Form layout="vertical" onFinish={(v: { name: string; password: string }) => void submit(v)} requiredMark={false}>
          <Form.Item name="name" label={t('login.name')} rules={[{ required: true, whitespace: true, message: t('login.nameRequired') }]}>
            <Input autoFocus autoComplete="username" placeholder={t('login.namePlaceholder')} data-testid="login-name" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('login.hint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
