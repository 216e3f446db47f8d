import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricRowDto } from '../../../shared/api/evaluationApi';
import { useApiClient } from '../../api/ApiContext';

interface Props {
  month: string;
  managerCode: string;
  /** The 手工评分 metric being scored, or null when the dialog is closed. */
  metric: MetricRowDto | null;
  onClose: () => void;
  onSaved: () => void;
}

interface Values {
  score: number | null;
  reason: string;
}

/**
 * Scores a metric whose rule is 手工评分 (0–100, reason mandatory, audited). The month's result is
 * then out of date until it is evaluated again, which the stale banner says.
 */
export function ManualScoreModal({ month, managerCode, metric, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const label = metric ? t(`measures.metrics.${metric.metric}`, { defaultValue: metric.label }) : '';

  useEffect(() => {
    if (metric === null) return;
    setRefusal(null);
    form.setFieldsValue({ score: metric.score, reason: '' });
  }, [metric, form]);

  const save = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (metric === null || values.score === null) return;
    setSaving(true);
    setRefusal(null);
    const result = await client.call('evaluation.setManualScore', { month, managerCode, metric: metric.metric, value: values.score, reason: values.reason.trim() });
    setSaving(false);
    if (!result.ok) {
      setRefusal(result.error.message);
      return;
    }
    void message.success(t('scorecard.manualSaved', { metric: label, score: values.score }));
    onSaved();
  };

  return (
    <Modal
      open={metric !== null}
      title={t('scorecard.manualTitle', { metric: label })}
      okText={t('scorecard.adjustSave')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      forceRender
      okButtonProps={{ 'data-testid': 'manual-save' } as { 'data-testid': string }}
    >
      <div data-testid="manual-modal">
        <Typography.Paragraph type="secondary">{t('scorecard.manualHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" requiredMark>
          <Form.Item name="score" label={t('scorecard.adjustNewScore')} rules={[{ required: true, message: t('scorecard.adjustScoreRequired') }]}>
            <InputNumber min={0} max={100} step={0.5} precision={1} style={{ width: 160 }} data-testid="manual-score" />
          </Form.Item>
          <Form.Item name="reason" label={t('scorecard.adjustReason')} rules={[{ required: true, whitespace: true, message: t('scorecard.adjustReasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="manual-reason" />
          </Form.Item>
        </Form>
        {refusal && <Alert type="error" showIcon title={refusal} data-testid="manual-error" />}
      </div>
    </Modal>
  );
}
