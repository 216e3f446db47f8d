import { Button, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FlagDto } from '../../../shared/api/evaluationApi';
import { navigate } from '../../app/hashRoute';
import { flagTypeLabel, messageOf } from '../../i18n/messageOf';

const COPY_FLAGS = new Set(['records.self_copy', 'records.cross_copy', 'records.report_copy']);

/** Where a near-copy pair opens in 日志对照. */
export function openPair(flag: FlagDto, pair: { aId: number; bId: number }): void {
  navigate({ page: { name: 'journals', pair: { kind: flag.type === 'records.report_copy' ? 'reports' : 'journals', aId: pair.aId, bId: pair.bId } } });
}

export function isCopyFlag(flag: FlagDto): boolean {
  return COPY_FLAGS.has(flag.type) && (flag.pairs?.length ?? 0) > 0;
}

/** The manager's flags with their explanation; each opens its evidence, near-copies also 日志对照. */
export function FlagList({ flags, onOpen }: { flags: FlagDto[]; onOpen: (index: number) => void }) {
  const { t } = useTranslation();
  if (flags.length === 0) return <Empty description={t('scorecard.flagsEmpty')} />;
  return (
    <div style={{ display: 'flex', flexDirection: 'column' }} data-testid="flag-list">
      {flags.map((flag, index) => (
        <div
          key={index}
          data-testid={`flag-${index}`}
          data-flag-type={flag.type}
          style={{ display: 'flex', alignItems: 'flex-start', gap: 12, padding: '8px 4px', borderBottom: '1px solid #f0f0f0' }}
        >
          <Tag color={flag.type === 'evaluation.veto' ? 'magenta' : 'red'} style={{ flex: 'none', minWidth: 96, textAlign: 'center' }}>
            {flagTypeLabel(t, flag.type, flag.label)}
          </Tag>
          <div style={{ flex: 1, minWidth: 0 }}>
            <Typography.Text>{messageOf(t, flag.text, flag.message)}</Typography.Text>
            {flag.date && (
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {flag.date}
              </Typography.Text>
            )}
          </div>
          <Space size={4} style={{ flex: 'none' }}>
            <Button size="small" onClick={() => onOpen(index)} data-testid={`flag-evidence-${index}`}>
              {t('scorecard.showEvidence')}
              {flag.evidence.length > 0 ? ` (${flag.evidence.length})` : ''}
            </Button>
            {isCopyFlag(flag) && (
              <Button size="small" type="link" onClick={() => openPair(flag, flag.pairs![0]!)} data-testid={`flag-compare-${index}`}>
                {t('scorecard.compare')}
              </Button>
            )}
          </Space>
        </div>
      ))}
    </div>
  );
}
