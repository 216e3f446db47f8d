import type { SchemeThresholds } from '../scoring/scheme';

/** Visits a month the retailer's tier asks for; null when the tier is unknown or in no band. */
export function requiredVisits(tier: number | null, bands: SchemeThresholds['visitsPerMonthByTier']): number | null {
  if (tier === null) return null;
  return bands.find((band) => tier >= band.minTier && tier <= band.maxTier)?.visits ?? null;
}
