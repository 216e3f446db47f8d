import type { SpotcheckRow } from './evaluationInput';
import { isActiveRetailer } from './isActiveRetailer';
import type { MonthContext } from './monthContext';
import { parseTierBand } from './parseTierBand';

/**
 * The true answer to a spot-check question, from the data; null when the question cannot
 * be answered (unknown route, unreadable tier band) and so is not scored.
 * The manager's area is the active retailers assigned to the manager on the day of the check.
 */
export function spotcheckTruth(ctx: MonthContext, check: SpotcheckRow, volumesByRoute: () => ReadonlyMap<string, number>): number | null {
  switch (check.item) {
    case 'retailer_count':
      return activeAreaRetailers(ctx, check).length;
    case 'route_volume':
      return volumesByRoute().get(check.subject?.trim() ?? '') ?? null;
    case 'tier_count': {
      const band = parseTierBand(check.subject);
      if (!band) return null;
      return activeAreaRetailers(ctx, check).filter((id) => {
        const tier = ctx.retailerById.get(id)?.tier ?? null;
        return tier !== null && tier >= band[0] && tier <= band[1];
      }).length;
    }
  }
}

function activeAreaRetailers(ctx: MonthContext, check: SpotcheckRow): number[] {
  return ctx.assignments.retailersOn(check.managerCode, check.date).filter((id) => {
    const retailer = ctx.retailerById.get(id);
    return retailer !== undefined && isActiveRetailer(retailer);
  });
}
