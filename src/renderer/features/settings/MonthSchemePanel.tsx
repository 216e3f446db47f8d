import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Card, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthEvaluationDto } from '../../../shared/api/evaluationApi';
import type { SchemeSummaryDto } from '../../../shared/api/settingsApi';
import { useApiClient } from '../../api/ApiContext';
import { newJobId } from '../../app/newJobId';
import { GuardedButton } from '../login/GuardedButton';

/**
 * Which scheme the month is scored with, and 用此方案重新考评当月 (evaluation.run with the
 * scheme's name: its latest version). A finalized month keeps its scheme: the button is off then.
 */
export function MonthSchemePanel({ month, schemes, onEvaluated }: { month: string; schemes: SchemeSummaryDto[]; onEvaluated: () => void }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { message } = App.useApp();
  const [evaluation, setEvaluation] = useState<MonthEvaluationDto | null | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [running, setRunning] = useState(false);

  useEffect(() => {
    let live = true;
    // Quietly: before the month's first evaluation there is nothing to say but "not evaluated".
    void client.call('evaluation.get', { month }).then((r) => {
      if (live) setEvaluation(r.ok ? r.data : null);
    });
    return () => {
      live = false;
    };
  }, [client, month, generation]);

  const latestByName = useMemo(() => {
    const latest = new Map<string, number>();
    for (const s of schemes) latest.set(s.name, Math.max(latest.get(s.name) ?? 0, s.version));
    return latest;
  }, [schemes]);
  // The scheme list knows which version scored the month; evaluation.get adds whether it is finalized.
  const used = schemes.find((s) => s.months.includes(month));
  const current = evaluation?.scheme ?? (used ? { name: used.name, version: used.version } : undefined);
  const selected = chosen ?? current?.name ?? [...latestByName.keys()][0];
  const finalized = evaluation?.status === 'final';

  async function rerun() {
    if (!selected) return;
    setRunning(true);
    try {
      const result = await client.call('evaluation.run', { month, jobId: newJobId('evaluate'), schemeName: selected });
      if (!result.ok) {
        void message.error(result.error.message);
        return;
      }
      void message.success(t('schemes.month.done', { name: selected, month }));
      setGeneration((g) => g + 1);
      onEvaluated();
    } finally {
      setRunning(false);
    }
  }

  return (
    <Card size="small" title={t('schemes.month.title', { month })} data-testid="month-scheme">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Text>
          {current
            ? t('schemes.month.current', { scheme: t('schemes.versionLabel', { name: current.name, version: current.version }) })
            : t('schemes.month.notEvaluated')}
        </Typography.Text>
        <Space size={8} wrap>
          <Select<string>
            value={selected}
            style={{ width: 260 }}
            aria-label={t('schemes.month.choose')}
            options={[...latestByName].map(([name, version]) => ({ value: name, label: t('schemes.month.latest', { name, version }) }))}
            onChange={setChosen}
            disabled={finalized}
          />
          <GuardedButton icon={<ReloadOutlined />} disabled={finalized || !selected} loading={running} onClick={() => void rerun()} data-testid="rerun-month">
            {running ? t('schemes.month.running') : t('schemes.month.rerun')}
          </GuardedButton>
        </Space>
        {finalized && <Alert type="info" showIcon title={t('schemes.month.finalized', { month })} />}
      </Space>
    </Card>
  );
}
