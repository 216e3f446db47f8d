import type { RetailerRow } from './evaluationInput';

/** 注销 (closed) and 暂停 (suspended) retailers are not in the market this month. */
const INACTIVE_STATUSES = new Set(['注销', '暂停']);

export function isActiveRetailer(retailer: RetailerRow): boolean {
  return retailer.status === null || !INACTIVE_STATUSES.has(retailer.status.trim());
}
