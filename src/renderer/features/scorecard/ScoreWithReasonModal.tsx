import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/api/result';

interface Props {
  open: boolean;
  title: string;
  hint: string;
  initialScore: number | null;
  /** Prefix of the dialog's test ids (`${testId}-modal`, `-score`, `-reason`, `-save`, `-error`). */
  testId: string;
  reasonPlaceholder?: string;
  /** Sends the score and the trimmed reason; a refusal is shown in the dialog. */
  submit: (score: number, reason: string) => Promise<Result<unknown>>;
  savedMessage: (score: number) => string;
  onClose: () => void;
  onSaved: () => void;
}

interface Values {
  score: number | null;
  reason: string;
}

/**
 * A score from 0 to 100 set by hand with a mandatory reason (checked here, so an empty one never
 * reaches the backend). A refusal from the backend (a finalized month, …) stays in the dialog.
 */
export function ScoreWithReasonModal({ open, title, hint, initialScore, testId, reasonPlaceholder, submit, savedMessage, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setRefusal(null);
    form.setFieldsValue({ score: initialScore, reason: '' });
  }, [open, initialScore, form]);

  const save = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return; // The form shows what is missing.
    }
    if (!open || values.score === null) return;
    setSaving(true);
    setRefusal(null);
    const result = await submit(values.score, values.reason.trim());
    setSaving(false);
    if (!result.ok) {
      setRefusal(result.error.message);
      return;
    }
    void message.success(savedMessage(values.score));
    onSaved();
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={t('scorecard.adjustSave')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      forceRender
      okButtonProps={{ 'data-testid': `${testId}-save` } as { 'data-testid': string }}
    >
      <div data-testid={`${testId}-modal`}>
        <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
        <Form form={form} layout="vertical" requiredMark>
          <Form.Item name="score" label={t('scorecard.adjustNewScore')} rules={[{ required: true, message: t('scorecard.adjustScoreRequired') }]}>
            <InputNumber min={0} max={100} step={0.5} precision={1} style={{ width: 160 }} data-testid={`${testId}-score`} />
          </Form.Item>
          <Form.Item name="reason" label={t('scorecard.adjustReason')} rules={[{ required: true, whitespace: true, message: t('scorecard.adjustReasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={1000} showCount placeholder={reasonPlaceholder} data-testid={`${testId}-reason`} />
          </Form.Item>
        </Form>
        {refusal && <Alert type="error" showIcon title={refusal} data-testid={`${testId}-error`} />}
      </div>
    </Modal>
  );
}
