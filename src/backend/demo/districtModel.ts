import type { DemoBrand } from './brandCatalogue';
import type { RetailFormat } from './namePools';

export interface GeoPoint {
  longitude: number;
  latitude: number;
}

export interface DemoManager {
  index: number;
  code: string;
  name: string;
  dingtalkId: string;
  phone: string;
  hiredOn: string;
  area: '城区片' | '城郊片';
  routes: string[];
}

export interface DemoRoute {
  code: string;
  managerCode: string;
  centre: GeoPoint;
  /** 1 = Monday … 5 = Friday: the weekday this route's retailers order on. */
  orderWeekday: number;
}

export type RetailerStatus = '正常' | '暂停' | '注销';

export interface DemoRetailer extends GeoPoint {
  index: number;
  licence: string;
  customerCode: string;
  name: string;
  owner: string;
  phone: string;
  address: string;
  format: RetailFormat;
  market: '城镇' | '乡村';
  tier: number;
  route: string;
  managerCode: string;
  status: RetailerStatus;
  /** Real exports let Excel turn some licence numbers into numbers. */
  licenceAsNumber: boolean;
  /** Brands the shop stocks, with how much of each it sells (relative). */
  preferredBrands: { brand: DemoBrand; share: number }[];
}

export interface District {
  managers: DemoManager[];
  routes: DemoRoute[];
  retailers: DemoRetailer[];
  brands: DemoBrand[];
  retailersByManager: Map<string, DemoRetailer[]>;
}

export function isActive(retailer: DemoRetailer): boolean {
  return retailer.status === '正常';
}

/** Great-circle distance, the same measure the travel-speed check uses. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const toRad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * toRad;
  const dLon = (b.longitude - a.longitude) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * toRad) * Math.cos(b.latitude * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}
