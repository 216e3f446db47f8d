import type { Store } from '../../db/openStore';

export interface ManagerRef {
  id: number;
  code: string;
  name: string;
}

export interface RetailerRef {
  id: number;
  licence: string;
  customerCode: string | null;
  name: string;
  longitude: number | null;
  latitude: number | null;
  managerCode: string | null;
}

export type RetailerLinkMethod = 'code' | 'text' | 'coords';

/** About 220 m of latitude: a 150 m search needs only the 3×3 cells around a point. */
const GRID_DEGREES = 0.002;
const EARTH_RADIUS_M = 6_371_000;

function distanceMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * In-memory lookups an import links its rows through: managers by 工号, UserId or name;
 * retailers by licence, customer code, a licence or name mentioned in free text, or coordinates;
 * brands by code or name. Loaded once per import, since a city has tens of thousands of retailers.
 */
export class LinkIndex {
  private readonly managersByCode = new Map<string, ManagerRef>();
  private readonly managersByUserId = new Map<string, ManagerRef>();
  private readonly managersByName = new Map<string, ManagerRef[]>();
  private readonly managerByRoute = new Map<string, ManagerRef>();
  private readonly retailersByLicence = new Map<string, RetailerRef>();
  private readonly retailersByCustomerCode = new Map<string, RetailerRef>();
  private readonly retailersByManager = new Map<string, RetailerRef[]>();
  private readonly retailersByName = new Map<string, RetailerRef>();
  private readonly grid = new Map<string, RetailerRef[]>();
  private readonly brandsByCode = new Map<string, number>();
  private readonly brandsByName = new Map<string, { id: number; code: string }>();

  /** districtId: only that district's people and shops are linked to (brands are the city's); undefined: all. */
  static async load(store: Store, districtId?: number): Promise<LinkIndex> {
    const index = new LinkIndex();
    const managers = await store.db
      .selectFrom('managers')
      .select(['id', 'code', 'name', 'dingtalk_id', 'routes'])
      .$if(districtId !== undefined, (q) => q.where('district_id', '=', districtId ?? 0))
      .execute();
    for (const m of managers) index.addManager(m.id, m.code, m.name, m.dingtalk_id, m.routes);
    const retailers = await store.db
      .selectFrom('retailers')
      .select(['id', 'licence', 'customer_code', 'name', 'longitude', 'latitude', 'manager_code'])
      .$if(districtId !== undefined, (q) => q.where('district_id', '=', districtId ?? 0))
      .execute();
    for (const r of retailers) {
      index.addRetailer({
        id: r.id,
        licence: r.licence,
        customerCode: r.customer_code,
        name: r.name,
        longitude: r.longitude,
        latitude: r.latitude,
        managerCode: r.manager_code,
      });
    }
    const brands = await store.db.selectFrom('brands').select(['id', 'code', 'name']).execute();
    for (const b of brands) index.addBrand(b.id, b.code, b.name);
    return index;
  }

  addManager(id: number, code: string, name: string, userId: string | null, routes: string | null): void {
    const ref = { id, code, name };
    this.managersByCode.set(code, ref);
    if (userId) this.managersByUserId.set(userId, ref);
    const same = this.managersByName.get(name) ?? [];
    same.push(ref);
    this.managersByName.set(name, same);
    for (const route of (routes ?? '').split(/[,，、;；\s]+/).filter(Boolean)) this.managerByRoute.set(route, ref);
  }

  addRetailer(r: RetailerRef): void {
    this.retailersByLicence.set(r.licence, r);
    if (r.customerCode) this.retailersByCustomerCode.set(r.customerCode, r);
    this.retailersByName.set(r.name, r);
    if (r.managerCode) {
      const list = this.retailersByManager.get(r.managerCode) ?? [];
      list.push(r);
      this.retailersByManager.set(r.managerCode, list);
    }
    if (r.latitude !== null && r.longitude !== null) {
      const key = this.cellKey(Math.floor(r.latitude / GRID_DEGREES), Math.floor(r.longitude / GRID_DEGREES));
      const cell = this.grid.get(key) ?? [];
      cell.push(r);
      this.grid.set(key, cell);
    }
  }

  addBrand(id: number, code: string, name: string): void {
    this.brandsByCode.set(code, id);
    this.brandsByName.set(name, { id, code });
  }

  /** Finds the manager a row names; `error` says why not (Chinese), e.g. an ambiguous name. */
  findManager(ref: { code?: string | null; userId?: string | null; name?: string | null }):
    | { manager: ManagerRef }
    | { error: string } {
    if (ref.code) {
      const m = this.managersByCode.get(ref.code) ?? this.managersByUserId.get(ref.code);
      if (m) return { manager: m };
      if (!ref.userId && !ref.name) return { error: `工号「${ref.code}」不在客户经理花名册中（请先导入花名册）` };
    }
    if (ref.userId) {
      const m = this.managersByUserId.get(ref.userId) ?? this.managersByCode.get(ref.userId);
      if (m) return { manager: m };
      if (!ref.name) return { error: `账号「${ref.userId}」不在客户经理花名册中（请在花名册中填写钉钉 UserId）` };
    }
    if (ref.name) {
      const same = this.managersByName.get(ref.name) ?? [];
      if (same.length === 1 && same[0]) return { manager: same[0] };
      if (same.length > 1) return { error: `花名册中有 ${same.length} 位客户经理叫「${ref.name}」，请用工号区分` };
      return { error: `客户经理「${ref.name}」不在花名册中（请先导入花名册）` };
    }
    return { error: '缺少客户经理（工号、账号或姓名）' };
  }

  managerForRoute(route: string): ManagerRef | undefined {
    return this.managerByRoute.get(route);
  }

  retailerByCode(licence: string | null, customerCode: string | null): RetailerRef | undefined {
    return (
      (licence ? (this.retailersByLicence.get(licence) ?? this.retailersByCustomerCode.get(licence)) : undefined) ??
      (customerCode ? (this.retailersByCustomerCode.get(customerCode) ?? this.retailersByLicence.get(customerCode)) : undefined)
    );
  }

  /** A 12-digit licence, or the name of one of the manager's retailers, mentioned in free text. */
  retailerInText(text: string, managerCode: string | null): RetailerRef | undefined {
    for (const m of text.matchAll(/\d{12,13}/g)) {
      const r = this.retailerByCode(m[0], m[0]);
      if (r) return r;
    }
    const exact = this.retailersByName.get(text.trim());
    if (exact) return exact;
    let best: RetailerRef | undefined;
    for (const r of (managerCode && this.retailersByManager.get(managerCode)) || []) {
      if (r.name.length >= 2 && text.includes(r.name) && (!best || r.name.length > best.name.length)) best = r;
    }
    return best;
  }

  retailerNear(latitude: number, longitude: number, radiusMeters: number): RetailerRef | undefined {
    const ci = Math.floor(latitude / GRID_DEGREES);
    const cj = Math.floor(longitude / GRID_DEGREES);
    let best: RetailerRef | undefined;
    let bestD = radiusMeters;
    for (let i = ci - 1; i <= ci + 1; i++) {
      for (let j = cj - 1; j <= cj + 1; j++) {
        for (const r of this.grid.get(this.cellKey(i, j)) ?? []) {
          const d = distanceMeters(latitude, longitude, r.latitude ?? 0, r.longitude ?? 0);
          if (d <= bestD) {
            bestD = d;
            best = r;
          }
        }
      }
    }
    return best;
  }

  brand(code: string | null, name: string | null): { id: number; code: string } | undefined {
    if (code) {
      const id = this.brandsByCode.get(code);
      if (id !== undefined) return { id, code };
    }
    return name ? this.brandsByName.get(name) : undefined;
  }

  private cellKey(i: number, j: number): string {
    return `${i}:${j}`;
  }
}
