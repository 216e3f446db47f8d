import { ProfileOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { newJobId } from '../../app/newJobId';
import { downloadBytes, XLSX_TYPE } from '../import/downloadBytes';

/** 导出所选考评卡: the ticked managers' scorecards in one workbook, a print-ready sheet each. */
export function ExportScorecardsButton({ month, codes, district }: { month: string; codes: readonly string[]; district?: string }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { message } = App.useApp();
  const [running, setRunning] = useState(false);

  async function run() {
    setRunning(true);
    try {
      const result = await client.call('report.scorecards', { month, managerCodes: [...codes], jobId: newJobId('scorecards'), ...(district ? { district } : {}) });
      if (!result.ok) {
        void message.error(t('office.scorecards.failed', { message: result.error.message }));
        return;
      }
      downloadBytes(result.data.bytes, result.data.fileName, XLSX_TYPE);
      void message.success(t('office.scorecards.done', { fileName: result.data.fileName, count: codes.length }));
    } finally {
      setRunning(false);
    }
  }

  return (
    <Tooltip title={codes.length === 0 ? t('office.scorecards.hint') : undefined}>
      <Button size="small" icon={<ProfileOutlined />} disabled={codes.length === 0} loading={running} onClick={() => void run()} data-testid="export-scorecards">
        {t('office.scorecards.button', { count: codes.length })}
      </Button>
    </Tooltip>
  );
}
