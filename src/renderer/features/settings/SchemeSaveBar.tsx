import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchemeDto, SchemeSummaryDto } from '../../../shared/api/settingsApi';
import { useApiClient } from '../../api/ApiContext';
import { weightSum } from './schemeDraft';
import { GuardedButton } from '../login/GuardedButton';

/**
 * 另存为新版本: saving never overwrites a version (a month scored with it keeps reading the same).
 * Blocked while the weights do not add up to 100; the backend's refusals are listed as they come.
 */
export function SchemeSaveBar({ scheme, onSaved }: { scheme: SchemeDto; onSaved: (saved: SchemeSummaryDto) => void }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { message } = App.useApp();
  const [name, setName] = useState(scheme.name);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const sumOk = weightSum(scheme.weights) === 100;

  async function save() {
    setSaving(true);
    setRefusal(null);
    try {
      const result = await client.call('settings.saveScheme', { scheme: { ...scheme, name: name.trim() || scheme.name } });
      if (result.ok) {
        void message.success(t('schemes.save.saved', { name: result.data.name, version: result.data.version }));
        onSaved(result.data);
        return;
      }
      const details = result.error.details;
      setRefusal(Array.isArray(details) && details.every((d) => typeof d === 'string') ? details : [result.error.message]);
    } finally {
      setSaving(false);
    }
  }

  return (
    // Sticky: the sum's verdict and the save button stay in view while any card is edited
    // (−16 px: flush with the window's edge across the page's padding).
    <Card size="small" data-testid="scheme-save-bar" style={{ position: 'sticky', bottom: -16, zIndex: 2, boxShadow: '0 -2px 8px rgba(0, 0, 0, 0.08)' }}>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space size={12} wrap>
          <span>{t('schemes.save.name')}</span>
          <Input value={name} maxLength={100} style={{ width: 220 }} onChange={(e) => setName(e.target.value)} data-testid="scheme-name" />
          <GuardedButton access="city" type="primary" icon={<SaveOutlined />} disabled={!sumOk} loading={saving} onClick={() => void save()} data-testid="save-scheme">
            {t('schemes.save.button')}
          </GuardedButton>
          {!sumOk && (
            <Typography.Text type="danger" data-testid="save-blocked">
              {t('schemes.save.blocked')}
            </Typography.Text>
          )}
        </Space>
        <Typography.Text type="secondary">{t('schemes.save.note')}</Typography.Text>
        {refusal && (
          <Alert
            type="error"
            showIcon
            data-testid="scheme-refusal"
            closable={{ onClose: () => setRefusal(null) }}
            title={t('schemes.save.refused')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {refusal.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            }
          />
        )}
      </Space>
    </Card>
  );
}
