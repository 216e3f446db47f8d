import { App, Button, Input, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextEntryDto } from '../../../shared/api/journalsApi';
import { useApiCall } from '../../api/useApi';
import { GuardedButton } from '../login/GuardedButton';

/** The supervisor's comment under an entry: shown with who and when; button → textarea → save. */
export function EntryComment({ entry, onSaved }: { entry: TextEntryDto; onSaved: (entry: TextEntryDto) => void }) {
  const { t } = useTranslation();
  const call = useApiCall();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (draft === null) return;
    setSaving(true);
    const result = await call('journals.comment', { kind: entry.kind, entryId: entry.id, text: draft });
    setSaving(false);
    if (!result.ok) return;
    setDraft(null);
    onSaved(result.data);
    void message.success(result.data.comment ? t('compare.comment.saved') : t('compare.comment.removed'));
  };

  return (
    <div data-testid="entry-comment" style={{ marginTop: 8 }}>
      {entry.comment && draft === null && (
        <div data-testid="comment-text" style={{ background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 4, padding: '4px 8px', marginBottom: 6 }}>
          <Typography.Text strong style={{ fontSize: 12 }}>
            {t('compare.comment.label')}
          </Typography.Text>
          <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{entry.comment}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('compare.comment.byAt', { who: entry.commentBy ?? '', at: entry.commentAt ? dayjs(entry.commentAt).format('YYYY-MM-DD HH:mm') : '' })}
          </Typography.Text>
        </div>
      )}
      {draft === null ? (
        <CommentButton
          locked={entry.locked}
          label={entry.comment ? t('compare.comment.edit') : t('compare.comment.add')}
          lockedHint={t('compare.comment.locked')}
          onClick={() => setDraft(entry.comment ?? '')}
        />
      ) : (
        <div>
          <Input.TextArea
            autoFocus
            value={draft}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('compare.comment.placeholder')}
            onChange={(e) => setDraft(e.target.value)}
            data-testid="comment-input"
          />
          <div style={{ display: 'flex', gap: 8, marginTop: 6 }}>
            <Button size="small" type="primary" autoInsertSpace={false} loading={saving} onClick={() => void save()} data-testid="comment-save">
              {t('compare.comment.save')}
            </Button>
            <Button size="small" autoInsertSpace={false} onClick={() => setDraft(null)}>
              {t('compare.comment.cancel')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}

/** Only a locked entry's button carries a tooltip: one per entry would slow a month of journals. */
function CommentButton({ locked, label, lockedHint, onClick }: { locked: boolean; label: string; lockedHint: string; onClick: () => void }) {
  const button = (
    <GuardedButton size="small" autoInsertSpace={false} disabled={locked} onClick={onClick} data-testid="comment-button">
      {label}
    </GuardedButton>
  );
  return locked ? (
    <Tooltip title={lockedHint}>
      <span data-testid="comment-locked">{button}</span>
    </Tooltip>
  ) : (
    button
  );
}
