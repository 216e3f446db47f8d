import { Button, Tooltip, type ButtonProps } from 'antd';
import { useWriteAccess, type WriteAccess } from './useWriteAccess';

/**
 * A button that changes data: disabled, with the reason as its tooltip (只读（审阅人）…), when the
 * logged-in account may not make that change; a plain button otherwise (and on the desktop).
 */
export function GuardedButton({ access = 'district', ...props }: ButtonProps & { access?: WriteAccess }) {
  const guard = useWriteAccess(access);
  if (guard.allowed) return <Button {...props} />;
  // A disabled button fires no mouse events: the wrapper carries the tooltip.
  return (
    <Tooltip title={guard.reason}>
      <span style={{ display: 'inline-block', cursor: 'not-allowed' }} data-testid="read-only-action">
        <Button {...props} disabled onClick={undefined} />
      </span>
    </Tooltip>
  );
}
