import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthEvaluationDto } from '../../../shared/api/evaluationApi';
import { useApiCall } from '../../api/useApi';

/**
 * 重新打开 asks for a reason first: an empty one is refused here with a message and nothing is
 * sent; whatever the backend still refuses is shown inside the dialog.
 */
export function ReopenModal({ month, open, onClose, onReopened }: { month: string; open: boolean; onClose: () => void; onReopened: (m: MonthEvaluationDto) => void }) {
  const { t } = useTranslation();
  const call = useApiCall();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setError(null);
    let reason: string;
    try {
      ({ reason } = await form.validateFields());
    } catch {
      return;
    }
    setBusy(true);
    const result = await call('evaluation.reopen', { month, reason }, { silent: true });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    form.resetFields();
    onReopened(result.data);
  }

  return (
    <Modal
      open={open}
      title={t('evaluation.reopenDialog.title', { month })}
      okText={t('evaluation.reopenDialog.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => {
        setError(null);
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('evaluation.reopenDialog.body')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="reason"
          label={t('evaluation.reopenDialog.reason')}
          rules={[{ required: true, whitespace: true, message: t('evaluation.reopenDialog.required') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('evaluation.reopenDialog.placeholder')} data-testid="reopen-reason" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="reopen-error" />}
    </Modal>
  );
}
