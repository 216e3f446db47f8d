import { App, Button, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiCall } from '../api/useApi';
import { useAppInfo } from './AppInfoContext';

interface Values {
  name: string;
  unit: string;
}

/**
 * 考核人: the supervisor's name and unit. They sign adjustments, 定稿 and comments and the
 * report's 考核人 line; every change is audited by the backend.
 */
export function SupervisorForm({ onSaved }: { onSaved?: () => void }) {
  const { t } = useTranslation();
  const { info, reload } = useAppInfo();
  const call = useApiCall();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    form.setFieldsValue({ name: info?.supervisor?.name ?? '', unit: info?.supervisor?.unit ?? '' });
  }, [info?.supervisor?.name, info?.supervisor?.unit, form]);

  const save = async (values: Values) => {
    setSaving(true);
    const result = await call('app.setSupervisor', { name: values.name.trim(), unit: (values.unit ?? '').trim() });
    setSaving(false);
    if (!result.ok) return;
    void message.success(t('supervisor.saved', { name: result.data.name }));
    reload();
    onSaved?.();
  };

  return (
    <Form form={form} layout="inline" onFinish={(v) => void save(v)} data-testid="supervisor-form">
      <Form.Item name="name" label={t('supervisor.name')} rules={[{ required: true, whitespace: true, message: t('supervisor.nameRequired') }]}>
        <Input maxLength={50} style={{ width: 140 }} placeholder={t('supervisor.namePlaceholder')} data-testid="supervisor-name" />
      </Form.Item>
      <Form.Item name="unit" label={t('supervisor.unit')}>
        <Input maxLength={100} style={{ width: 200 }} placeholder={t('supervisor.unitPlaceholder')} data-testid="supervisor-unit" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="supervisor-save">
          {t('supervisor.save')}
        </Button>
      </Space>
    </Form>
  );
}
