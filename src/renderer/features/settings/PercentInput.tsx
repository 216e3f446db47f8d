import { InputNumber } from 'antd';
import type { CSSProperties } from 'react';

/** A share (0–1) typed as a percentage: supervisors think in 45 %, the scheme stores 0.45. */
export function PercentInput(props: {
  value: number | undefined;
  onChange: (ratio: number | undefined) => void;
  min?: number;
  max?: number;
  disabled?: boolean;
  style?: CSSProperties;
  testId?: string;
}) {
  const shown = props.value === undefined ? undefined : Math.round(props.value * 1e6) / 1e4;
  return (
    <InputNumber<number>
      value={shown}
      min={props.min}
      max={props.max}
      step={1}
      suffix="%"
      disabled={props.disabled}
      style={props.style}
      data-testid={props.testId}
      onChange={(v) => props.onChange(typeof v === 'number' ? Math.round(v * 1e4) / 1e6 : undefined)}
    />
  );
}
