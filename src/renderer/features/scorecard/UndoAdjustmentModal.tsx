import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';

/**
 * 撤销最后一次调整: takes back the manager's last adjustment of the month; the reason is
 * mandatory (checked here) and the undo is audited; a refusal stays in the dialog.
 */
export function UndoAdjustmentModal({ month, managerCode, open, onClose, onDone }: { month: string; managerCode: string; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setRefusal(null);
    form.setFieldsValue({ reason: '' });
  }, [open, form]);

  const save = async () => {
    let reason: string;
    try {
      reason = (await form.validateFields()).reason.trim();
    } catch {
      return;
    }
    setSaving(true);
    const result = await client.call('evaluation.undoAdjustment', { month, managerCode, reason });
    setSaving(false);
    if (!result.ok) {
      setRefusal(result.error.message);
      return;
    }
    void message.success(t('office.undo.done'));
    onDone();
  };

  return (
    <Modal open={open} title={t('office.undo.title')} okText={t('office.undo.ok')} onOk={() => void save()} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('office.undo.help')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('office.undo.reason')} rules={[{ required: true, whitespace: true, message: t('office.undo.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="undo-reason" />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon title={refusal} data-testid="undo-refusal" />}
    </Modal>
  );
}
