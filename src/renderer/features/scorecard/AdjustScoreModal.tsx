import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { formatScore } from './formatMetricValue';

interface Props {
  month: string;
  managerCode: string;
  /** The dimension being adjusted, or null when the dialog is closed. */
  dimension: string | null;
  currentScore: number | null;
  onClose: () => void;
  onSaved: () => void;
}

interface Values {
  score: number | null;
  reason: string;
}

/**
 * Sets a dimension score by hand. The reason is mandatory (checked here, so an empty one never
 * reaches the backend); a refusal from the backend (a finalized month, …) stays in the dialog.
 */
export function AdjustScoreModal({ month, managerCode, dimension, currentScore, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const label = dimension ? t(`measures.dimensions.${dimension}`) : '';

  useEffect(() => {
    if (dimension === null) return;
    setRefusal(null);
    form.setFieldsValue({ score: currentScore, reason: '' });
  }, [dimension, currentScore, form]);

  const save = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return; // The form shows what is missing.
    }
    if (dimension === null || values.score === null) return;
    setSaving(true);
    setRefusal(null);
    const result = await client.call('evaluation.adjust', { month, managerCode, dimension, score: values.score, reason: values.reason.trim() });
    setSaving(false);
    if (!result.ok) {
      setRefusal(result.error.message);
      return;
    }
    void message.success(t('scorecard.adjustSaved', { dimension: label, score: values.score }));
    onSaved();
  };

  return (
    <Modal
      open={dimension !== null}
      title={t('scorecard.adjustTitle', { dimension: label })}
      okText={t('scorecard.adjustSave')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      forceRender
      okButtonProps={{ 'data-testid': 'adjust-save' } as { 'data-testid': string }}
    >
      <div data-testid="adjust-modal">
        <Typography.Paragraph type="secondary">{t('scorecard.adjustCurrent', { score: formatScore(currentScore, t) })}</Typography.Paragraph>
        <Form form={form} layout="vertical" requiredMark>
          <Form.Item name="score" label={t('scorecard.adjustNewScore')} rules={[{ required: true, message: t('scorecard.adjustScoreRequired') }]}>
            <InputNumber min={0} max={100} step={0.5} precision={1} style={{ width: 160 }} data-testid="adjust-score" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('scorecard.adjustReason')}
            rules={[{ required: true, whitespace: true, message: t('scorecard.adjustReasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('scorecard.adjustReasonPlaceholder')} data-testid="adjust-reason" />
          </Form.Item>
        </Form>
        {refusal && <Alert type="error" showIcon title={refusal} data-testid="adjust-error" />}
      </div>
    </Modal>
  );
}
