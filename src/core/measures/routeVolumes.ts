import type { MonthContext } from './monthContext';

/**
 * Each route's volume in the month (条). A retailer's route is the one of its month-level
 * assignment, else the route on its record; retailers without orders still make the route known.
 */
export function routeVolumes(ctx: MonthContext): Map<string, number> {
  const volumes = new Map<string, number>();
  const monthOrders = ctx.orders.get(ctx.month);
  for (const retailer of ctx.input.retailers) {
    const route = (ctx.assignments.monthAssignment(retailer.id)?.route ?? retailer.route)?.trim();
    if (!route) continue;
    volumes.set(route, (volumes.get(route) ?? 0) + (monthOrders?.get(retailer.id)?.quantity ?? 0));
  }
  return volumes;
}
