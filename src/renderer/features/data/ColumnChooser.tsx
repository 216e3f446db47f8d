import { Button, Checkbox, Divider, Popover } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ColumnInfo } from '../../../shared/api/dataApi';
import { shownLabel } from './shownLabel';

interface Props {
  columns: ColumnInfo[];
  hidden: ReadonlySet<string>;
  onToggle: (field: string, visible: boolean) => void;
  onReset: () => void;
}

/** Show or hide columns; the grid remembers the choice per table. */
export function ColumnChooser({ columns, hidden, onToggle, onReset }: Props) {
  const { t, i18n } = useTranslation();
  const content = (
    <div style={{ width: 260 }} data-testid="column-chooser">
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '4px 8px', maxHeight: 360, overflow: 'auto' }}>
        {columns.map((c) => (
          <Checkbox key={c.field} checked={!hidden.has(c.field)} onChange={(e) => onToggle(c.field, e.target.checked)}>
            {shownLabel(c, i18n.language)}
          </Checkbox>
        ))}
      </div>
      <Divider style={{ margin: '8px 0' }} />
      <Button size="small" onClick={onReset}>
        {t('grid.resetColumns')}
      </Button>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" content={content} title={t('grid.columns')}>
      <Button data-testid="column-chooser-button">{t('grid.columns')}</Button>
    </Popover>
  );
}
