import { Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const SHORTCUTS: [keys: string[], what: string][] = [
  [['?'], 'help'],
  [['Esc'], 'close'],
  [['↑', '↓'], 'pairs'],
  [['←', '→'], 'panes'],
];

/** Typing in a field: '?' is a character there, not a command. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The keyboard shortcuts, listed on "?" from any screen. */
export function ShortcutsModal() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !e.ctrlKey && !e.altKey && !e.metaKey && !typing(e.target)) {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <Modal open={open} title={t('office.shortcuts.title')} footer={null} onCancel={() => setOpen(false)} width={520} data-testid="shortcuts">
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={what} style={{ borderBottom: '1px solid #f0f0f0' }}>
              <td style={{ padding: '8px 12px 8px 0', whiteSpace: 'nowrap', width: 110 }}>
                {keys.map((k) => (
                  <Typography.Text keyboard key={k}>
                    {k}
                  </Typography.Text>
                ))}
              </td>
              <td style={{ padding: '8px 0' }}>{t(`office.shortcuts.keys.${what}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('office.shortcuts.help')}
      </Typography.Paragraph>
    </Modal>
  );
}
