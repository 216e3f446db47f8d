import { Alert } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/**
 * 需重新考评: what changed in the month's inputs since it was evaluated, and when. Shown on 考评,
 * 总览 and the scorecard; nothing when the result is current.
 */
export function StaleBanner({ stale, nextScheme }: { stale: readonly { what: string; at: string }[]; nextScheme?: { name: string; version: number } | null }) {
  const { t } = useTranslation();
  if (stale.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="stale-banner"
      title={t('evaluation.stale.title')}
      description={
        <div>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {stale.map((r, i) => (
              <li key={i} data-testid="stale-reason">
                {t('evaluation.stale.item', { at: dayjs(r.at).format('YYYY-MM-DD HH:mm'), what: r.what })}
              </li>
            ))}
          </ul>
          {nextScheme && <div style={{ marginTop: 4 }}>{t('evaluation.stale.runWith', nextScheme)}</div>}
        </div>
      }
    />
  );
}
