import { Card, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Part 2 of the app: the evaluation screens replace this page. */
export function EvaluationPlaceholder() {
  const { t } = useTranslation();
  return (
    <Card>
      <Result status="info" title={t('evaluation.title')} subTitle={t('evaluation.body')} />
    </Card>
  );
}
