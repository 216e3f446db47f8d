import { Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchemeDto, SchemeSummaryDto } from '../../../shared/api/settingsApi';
import { useApiClient } from '../../api/ApiContext';
import { useApi } from '../../api/useApi';
import { useMonth } from '../../app/useMonth';
import { MetricsCard } from './MetricsCard';
import { MonthSchemePanel } from './MonthSchemePanel';
import { SchemeSaveBar } from './SchemeSaveBar';
import { ThresholdsCard } from './ThresholdsCard';
import { VetoGradesCard } from './VetoGradesCard';
import { WeightsCard } from './WeightsCard';

const versionKey = (s: { name: string; version: number }) => `${s.name}\u0000${s.version}`;

/** 考核方案: pick a version, edit a copy of it, save it as a new version; and the month's scheme. */
export function SchemesTab() {
  const { t } = useTranslation();
  const client = useApiClient();
  const [month] = useMonth();
  const schemes = useApi('settings.schemes', {});
  const [picked, setPicked] = useState<{ name: string; version: number } | null>(null);
  const [draft, setDraft] = useState<SchemeDto | null>(null);

  const list = schemes.data ?? [];
  // Until the supervisor picks one: the newest version of 默认方案 (the first name otherwise).
  const shown = picked ?? newestOf(list);

  useEffect(() => {
    if (!shown) return;
    let live = true;
    void client.call('settings.scheme', { name: shown.name, version: shown.version }).then((r) => {
      if (live && r.ok) setDraft(r.data);
    });
    return () => {
      live = false;
    };
  }, [client, shown?.name, shown?.version]);

  function saved(summary: SchemeSummaryDto) {
    schemes.reload();
    setPicked({ name: summary.name, version: summary.version });
  }

  return (
    // A plain column, not a Space: the save bar sticks to the bottom of the scrolling page.
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }} data-testid="schemes-tab">
      <MonthSchemePanel month={month} schemes={list} onEvaluated={schemes.reload} />
      <Space size={12} wrap>
        <span>{t('schemes.pick')}</span>
        <Select<string>
          style={{ width: 260 }}
          value={shown ? versionKey(shown) : undefined}
          loading={schemes.loading}
          data-testid="scheme-picker"
          options={list.map((s) => ({ value: versionKey(s), label: t('schemes.versionLabel', { name: s.name, version: s.version }) }))}
          onChange={(key) => {
            const found = list.find((s) => versionKey(s) === key);
            if (found) setPicked({ name: found.name, version: found.version });
          }}
        />
        {shown && <UsedBy summary={list.find((s) => versionKey(s) === versionKey(shown))} />}
      </Space>
      {!draft || !shown || draft.name !== shown.name || draft.version !== shown.version ? (
        <Spin description={t('schemes.loading')}>
          <div style={{ height: 120 }} />
        </Spin>
      ) : (
        <>
          <WeightsCard scheme={draft} onChange={setDraft} />
          <MetricsCard scheme={draft} onChange={setDraft} />
          <ThresholdsCard scheme={draft} onChange={setDraft} />
          <VetoGradesCard scheme={draft} onChange={setDraft} />
          <SchemeSaveBar key={versionKey(draft)} scheme={draft} onSaved={saved} />
        </>
      )}
    </div>
  );
}

function UsedBy({ summary }: { summary: SchemeSummaryDto | undefined }) {
  const { t } = useTranslation();
  if (!summary) return null;
  if (summary.months.length === 0) return <Typography.Text type="secondary">{t('schemes.unused')}</Typography.Text>;
  return <Tag color="blue">{t('schemes.usedBy', { months: summary.months.join('、') })}</Tag>;
}

function newestOf(list: SchemeSummaryDto[]): { name: string; version: number } | null {
  const preferred = list.filter((s) => s.name === '默认方案');
  const pool = preferred.length > 0 ? preferred : list;
  return pool.reduce<SchemeSummaryDto | null>((best, s) => (!best || s.version > best.version ? s : best), null);
}
