import type { PunchRow } from './evaluationInput';
import type { LngLat } from './haversineKm';
import type { MonthContext } from './monthContext';

/** Where a punch was made: its own coordinates, else those of the retailer it is linked to. */
export function punchLocation(ctx: MonthContext, punch: PunchRow): LngLat | null {
  if (punch.longitude !== null && punch.latitude !== null) return { longitude: punch.longitude, latitude: punch.latitude };
  if (punch.retailerId === null) return null;
  const retailer = ctx.retailerById.get(punch.retailerId);
  if (!retailer || retailer.longitude === null || retailer.latitude === null) return null;
  return { longitude: retailer.longitude, latitude: retailer.latitude };
}
