import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BatchHistory } from './BatchHistory';
import { ImportFilesPanel } from './ImportFilesPanel';

/** 数据导入: new files on one tab, the history of batches (with undo) on the other. */
export function ImportPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('files');
  const [historyKey, setHistoryKey] = useState(0);
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => {
        setTab(key);
        if (key === 'history') setHistoryKey((k) => k + 1);
      }}
      style={{ background: '#fff', padding: '0 16px 16px', borderRadius: 6 }}
      items={[
        // Both panels stay mounted so dropped files survive a look at the history.
        { key: 'files', label: t('import.tabFiles'), children: <ImportFilesPanel onImported={() => setHistoryKey((k) => k + 1)} />, forceRender: true },
        { key: 'history', label: t('import.tabHistory'), children: <BatchHistory refreshKey={historyKey} /> },
      ]}
    />
  );
}
