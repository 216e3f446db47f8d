import type { ReactNode } from 'react';

/** One side of a comparison; the focused side (←/→) is outlined. */
export function ComparePane({
  side,
  focused,
  onFocus,
  header,
  children,
}: {
  side: 'left' | 'right';
  focused: boolean;
  onFocus: () => void;
  header?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      data-testid={`pane-${side}`}
      data-focused={focused ? 'true' : 'false'}
      onMouseDown={onFocus}
      style={{
        flex: 1,
        minWidth: 0,
        display: 'flex',
        flexDirection: 'column',
        background: '#fff',
        borderRadius: 6,
        border: '1px solid #f0f0f0',
        outline: focused ? '2px solid #1677ff' : '2px solid transparent',
        outlineOffset: -1,
      }}
    >
      {header && <div style={{ padding: '8px 12px', borderBottom: '1px solid #f0f0f0', flex: 'none' }}>{header}</div>}
      <div style={{ padding: '0 12px 8px', overflow: 'auto', flex: 1, minHeight: 0 }}>{children}</div>
    </section>
  );
}
