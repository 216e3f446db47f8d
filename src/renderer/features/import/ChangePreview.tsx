import { Alert, DatePicker, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FileImportReport, ImportRowChange } from '../../../shared/importReport';
import { writeBusyMessage } from '../../i18n/writeBusyText';

interface Props {
  check: FileImportReport | undefined;
  checking: boolean;
  disabled: boolean;
  onMonth: (month: string) => void;
}

function shown(value: string | number | null, empty: string): string {
  return value === null || value === '' ? empty : String(value);
}

/**
 * What importing the file would do to the store, from a dry run: new / updated / unchanged /
 * rejected rows, and for the first updated rows each changed value old → new. For a retailer
 * file, the month its route assignments hold from, which the supervisor can change.
 */
export function ChangePreview({ check, checking, disabled, onMonth }: Props) {
  const { t } = useTranslation();
  if (!check) return checking ? <Spin size="small" /> : null;
  if (check.status !== 'imported') {
    return check.message ? <Alert type="warning" showIcon title={check.busy ? writeBusyMessage(t, check.busy) : check.message} data-testid="check-refused" /> : null;
  }
  const c = check.counts;
  const changes = check.changes ?? [];
  const empty = t('import.changeEmpty');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={6} data-testid="change-preview">
      <Space wrap size={6}>
        <Typography.Text strong>{t('import.changeTitle')}</Typography.Text>
        <Tag color="green" data-testid="change-inserted">{t('import.changeInserted', { count: c.inserted })}</Tag>
        <Tag color={c.updated > 0 ? 'orange' : 'default'} data-testid="change-updated">{t('import.changeUpdated', { count: c.updated })}</Tag>
        <Tag>{t('import.changeUnchanged', { count: c.unchanged })}</Tag>
        <Tag color={c.rejected > 0 ? 'red' : 'default'}>{t('import.changeRejected', { count: c.rejected })}</Tag>
        {c.assignments > 0 && <Tag color="blue">{t('import.changeAssignments', { count: c.assignments })}</Tag>}
        {checking && <Spin size="small" />}
      </Space>
      {check.asOfMonth && (
        <Space wrap size={8} data-testid="as-of-month">
          <Typography.Text>{t('import.asOfMonth')}</Typography.Text>
          <DatePicker
            picker="month"
            size="small"
            allowClear={false}
            disabled={disabled}
            value={dayjs(`${check.asOfMonth}-01`)}
            onChange={(d) => d && onMonth(d.format('YYYY-MM'))}
            data-testid="as-of-month-picker"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`import.asOfMonthSource.${check.asOfMonthSource ?? 'given'}`)}
          </Typography.Text>
        </Space>
      )}
      {(check.masterRowsChanged ?? 0) > 0 && (
        <Alert type="warning" showIcon title={t('import.masterChangeWarning', { count: check.masterRowsChanged })} data-testid="master-change-warning" />
      )}
      {changes.length > 0 && (
        <>
          <Table<ImportRowChange & { i: number }>
            size="small"
            pagination={false}
            rowKey="i"
            dataSource={changes.map((ch, i) => ({ ...ch, i }))}
            data-testid="change-list"
            columns={[
              { title: t('import.changeRow'), dataIndex: 'key', width: 260 },
              {
                title: t('import.changeFields'),
                render: (_, row) => (
                  <Space orientation="vertical" size={0}>
                    {row.fields.map((f) => (
                      <span key={f.column}>
                        <Typography.Text strong>{f.label}</Typography.Text>：
                        <Typography.Text delete type="secondary">{shown(f.old, empty)}</Typography.Text> → {shown(f.new, empty)}
                      </span>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('import.changeTotal', { shown: changes.length, total: c.updated })}
          </Typography.Text>
        </>
      )}
    </Space>
  );
}
