import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from './AppInfoContext';
import { SupervisorForm } from './SupervisorForm';

/**
 * First start (and every start until someone has said who judges): asks for the supervisor's
 * name and unit before anything is signed. Skipping is allowed, with its consequence spelled
 * out: changes are signed 「（未填写考核人）」 and the report's 考核人 line stays blank.
 */
export function SupervisorFirstStart({ skipped, onSkip }: { skipped: boolean; onSkip: () => void }) {
  const { t } = useTranslation();
  const { info } = useAppInfo();
  if (!info || info.supervisor || skipped) return null;
  return (
    <Modal
      open
      title={t('supervisor.firstTitle')}
      width={640}
      mask={{ closable: false }}
      onCancel={onSkip}
      footer={
        <Button onClick={onSkip} data-testid="supervisor-skip">
          {t('supervisor.skip')}
        </Button>
      }
    >
      <div data-testid="supervisor-first-start">
        <Typography.Paragraph>{t('supervisor.why')}</Typography.Paragraph>
        <SupervisorForm />
        <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t('supervisor.skipConsequence')} />
      </div>
    </Modal>
  );
}
