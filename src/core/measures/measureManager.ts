import type { DimensionMeasures } from './dimensionMeasures';
import type { DimensionKey } from './dimensions';
import type { JournalCopies } from './findJournalCopies';
import { measureAttendance } from './measureAttendance';
import { measureBrand } from './measureBrand';
import { measureEvaluation } from './measureEvaluation';
import { measureFulfilment } from './measureFulfilment';
import { measureKnowledge } from './measureKnowledge';
import { measureOrder } from './measureOrder';
import { measureRecords } from './measureRecords';
import { measureSales } from './measureSales';
import type { MonthContext } from './monthContext';

/** What is computed once for the whole district and shared by every manager's measures. */
export interface DistrictShared {
  journalCopies: JournalCopies;
  districtMarginRate: number | null;
  volumesByRoute: () => ReadonlyMap<string, number>;
}

/** All eight dimensions of one manager's month, in DIMENSION_KEYS order. */
export function measureManager(ctx: MonthContext, managerCode: string, shared: DistrictShared): Record<DimensionKey, DimensionMeasures> {
  return {
    sales: measureSales(ctx, managerCode, shared.districtMarginRate),
    attendance: measureAttendance(ctx, managerCode),
    records: measureRecords(ctx, managerCode, shared.journalCopies),
    knowledge: measureKnowledge(ctx, managerCode, shared.volumesByRoute),
    brand: measureBrand(ctx, managerCode),
    order: measureOrder(ctx, managerCode),
    fulfilment: measureFulfilment(ctx, managerCode),
    evaluation: measureEvaluation(ctx, managerCode),
  };
}
