import { useEffect, useRef } from 'react';

export interface CompareKeyHandlers {
  onUp?: () => void;
  onDown?: () => void;
  onLeft?: () => void;
  onRight?: () => void;
}

/** Where arrow keys belong to the control: typing, picking from a list, a date picker, a slider. */
function ownsArrowKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  return target.closest('[role="combobox"], [role="listbox"], [role="slider"], [role="radiogroup"], .ant-select, .ant-picker, .ant-segmented, .ant-picker-dropdown') !== null;
}

/**
 * ↑/↓ and ←/→ for the compare screen, on the whole window so that no element needs focus;
 * keys typed into inputs, selects and pickers stay theirs, and modified keys are left alone.
 */
export function useCompareKeys(handlers: CompareKeyHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || ownsArrowKeys(e.target)) return;
      const handler = { ArrowUp: ref.current.onUp, ArrowDown: ref.current.onDown, ArrowLeft: ref.current.onLeft, ArrowRight: ref.current.onRight }[e.key];
      if (!handler) return;
      e.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
