import { UndoOutlined } from '@ant-design/icons';
import { Empty, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditEntryDto } from '../../../shared/api/evaluationApi';
import { formatScore } from './formatMetricValue';
import { GuardedButton } from '../login/GuardedButton';

const ACTION_COLORS: Record<AuditEntryDto['action'], string> = { adjust: 'orange', finalize: 'green', reopen: 'blue', manual: 'purple' };

/** Who changed what and why, oldest first: the manager's adjustments, or the month's 定稿/重新打开. */
export function AuditTrail({
  audit,
  rowTestId = 'audit-row',
  emptyText,
  onUndo,
}: {
  audit: AuditEntryDto[];
  rowTestId?: string;
  emptyText?: string;
  /** Offered while a draft month has an adjustment to take back. */
  onUndo?: () => void;
}) {
  const { t } = useTranslation();
  if (audit.length === 0) return <Empty description={emptyText ?? t('scorecard.auditEmpty')} />;
  return (
    <>
    {onUndo && (
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <GuardedButton icon={<UndoOutlined />} onClick={onUndo} data-testid="undo-adjustment">
          {t('office.undo.button')}
        </GuardedButton>
      </div>
    )}
    <Table<AuditEntryDto & { key: number }>
      size="small"
      pagination={false}
      // Entries have no id; their position in the (append-only, oldest-first) trail is stable.
      dataSource={audit.map((e, key) => ({ ...e, key }))}
      onRow={() => ({ 'data-testid': rowTestId }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        // Stored timestamps are UTC; the supervisor reads them on the PC's clock.
        { title: t('scorecard.auditWhen'), dataIndex: 'at', width: 150, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
        { title: t('scorecard.auditWho'), dataIndex: 'who', width: 120 },
        {
          title: t('scorecard.auditWhat'),
          key: 'what',
          render: (_: unknown, e) => (
            <span>
              <Tag color={ACTION_COLORS[e.action]}>{t(`scorecard.auditActions.${e.action}`)}</Tag>
              {e.action === 'adjust' && e.dimension
                ? t('scorecard.auditChange', {
                    dimension: t(`measures.dimensions.${e.dimension}`),
                    from: formatScore(e.oldScore, t),
                    to: formatScore(e.newScore, t),
                  })
                : e.action === 'manual'
                  ? e.summary
                  : null}
            </span>
          ),
        },
        { title: t('scorecard.auditReason'), dataIndex: 'reason', render: (r: string | null) => r ?? '' },
      ]}
    />
    </>
  );
}
