import dayjs from 'dayjs';
import { useCallback } from 'react';
import { useAppInfo } from './AppInfoContext';
import { navigate, useHashRoute } from './hashRoute';

/**
 * The month every screen follows: the one in the URL hash, else the newest month with data,
 * else the current month.
 */
export function useMonth(): [string, (month: string) => void] {
  const { month } = useHashRoute();
  const { info } = useAppInfo();
  const effective = month ?? info?.months[0] ?? dayjs().format('YYYY-MM');
  const setMonth = useCallback((next: string) => navigate({ month: next }), []);
  return [effective, setMonth];
}
