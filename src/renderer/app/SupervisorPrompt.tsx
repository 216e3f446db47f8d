import { Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from './AppInfoContext';
import { SupervisorForm } from './SupervisorForm';

/**
 * In the header: who judges (考核人), or — until someone has said so, from the first start on —
 * a button that asks for the name (the first-start prompt, SupervisorFirstStart, can be skipped;
 * until someone answers, changes are signed 「（未填写考核人）」).
 */
export function SupervisorPrompt() {
  const { t } = useTranslation();
  const { info } = useAppInfo();
  const [open, setOpen] = useState(false);
  if (!info) return null;
  return (
    <>
      {info.supervisor ? (
        <Typography.Link onClick={() => setOpen(true)} data-testid="supervisor-current">
          {t('supervisor.current', { name: info.supervisor.name })}
        </Typography.Link>
      ) : (
        <Button danger size="small" onClick={() => setOpen(true)} data-testid="supervisor-ask">
          {t('supervisor.ask')}
        </Button>
      )}
      <Modal open={open} title={t('supervisor.title')} footer={null} onCancel={() => setOpen(false)} width={640} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('supervisor.why')}</Typography.Paragraph>
        <SupervisorForm onSaved={() => setOpen(false)} />
      </Modal>
    </>
  );
}
