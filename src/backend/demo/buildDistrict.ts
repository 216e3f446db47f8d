import type { DemoBrand } from './brandCatalogue';
import { distanceKm, type DemoManager, type DemoRetailer, type DemoRoute, type District, type GeoPoint, type RetailerStatus } from './districtModel';
import {
  DISTRICT,
  GIVEN_NAMES,
  RETAIL_FORMATS,
  SHOP_SUFFIXES,
  SHOP_WORDS,
  STREETS,
  SURNAMES,
  TOWNSHIPS,
  VILLAGES,
  type RetailFormat,
} from './namePools';
import type { SeededRandom } from './seededRandom';

const KM_PER_DEGREE_LAT = 111.32;
const KM_PER_DEGREE_LON = KM_PER_DEGREE_LAT * Math.cos((DISTRICT.centre.latitude * Math.PI) / 180);
/** A manager's two routes lie this far apart, so one can plant a physically impossible hop between them. */
const ROUTE_SPACING_KM = 5.2;
const RETAILER_SPREAD_KM = 0.7;
const RETAILER_MAX_OFFSET_KM = 1.8;
const URBAN_RADIUS_KM = 5.5;

export function buildDistrict(rng: SeededRandom, managerCount: number, retailerCount: number, brands: DemoBrand[]): District {
  const managers = buildManagers(rng.fork('managers'), managerCount);
  const routes = buildRoutes(managers);
  const retailers = buildRetailers(rng.fork('retailers'), routes, retailerCount, brands);
  const retailersByManager = new Map<string, DemoRetailer[]>(managers.map((m) => [m.code, []]));
  for (const retailer of retailers) retailersByManager.get(retailer.managerCode)?.push(retailer);
  return { managers, routes, retailers, brands, retailersByManager };
}

function buildManagers(rng: SeededRandom, count: number): DemoManager[] {
  const usedNames = new Set<string>();
  const codeWidth = Math.max(3, String(count).length);
  const managers: DemoManager[] = [];
  for (let i = 0; i < count; i++) {
    let name = '';
    for (let attempt = 0; attempt < 50 && (name === '' || usedNames.has(name)); attempt++) {
      name = rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
    }
    while (usedNames.has(name)) name += rng.pick(['华', '军', '平']);
    usedNames.add(name);
    const hiredYear = rng.int(2008, 2022);
    managers.push({
      index: i,
      code: `${DISTRICT.managerPrefix}${String(i + 1).padStart(codeWidth, '0')}`,
      name,
      dingtalkId: `dt_lh${i + 1}`,
      phone: `1${rng.pick(['39', '38', '51', '58', '87', '36'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
      hiredOn: `${hiredYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      area: i < Math.ceil(count / 2) ? '城区片' : '城郊片',
      routes: [routeCode(2 * i + 1, count), routeCode(2 * i + 2, count)],
    });
  }
  return managers;
}

function routeCode(number: number, managerCount: number): string {
  return `${DISTRICT.routePrefix}${String(number).padStart(Math.max(2, String(2 * managerCount).length), '0')}`;
}

/**
 * Each manager's area lies on a golden-angle spiral around the county seat; the two routes
 * sit on either side of it, across the radial direction.
 */
function buildRoutes(managers: DemoManager[]): DemoRoute[] {
  const routes: DemoRoute[] = [];
  for (const manager of managers) {
    const angle = manager.index * 2.399963;
    const radiusKm = 2.2 + 2.4 * Math.sqrt(manager.index);
    const areaX = radiusKm * Math.cos(angle);
    const areaY = radiusKm * Math.sin(angle);
    const across = angle + Math.PI / 2;
    manager.routes.forEach((code, side) => {
      const sign = side === 0 ? 1 : -1;
      const x = areaX + (sign * ROUTE_SPACING_KM * Math.cos(across)) / 2;
      const y = areaY + (sign * ROUTE_SPACING_KM * Math.sin(across)) / 2;
      routes.push({
        code,
        managerCode: manager.code,
        centre: offsetPoint(DISTRICT.centre, x, y),
        orderWeekday: ((manager.index * 2 + side) % 5) + 1,
      });
    });
  }
  return routes;
}

function offsetPoint(origin: GeoPoint, eastKm: number, northKm: number): GeoPoint {
  return {
    longitude: round6(origin.longitude + eastKm / KM_PER_DEGREE_LON),
    latitude: round6(origin.latitude + northKm / KM_PER_DEGREE_LAT),
  };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function buildRetailers(rng: SeededRandom, routes: DemoRoute[], count: number, brands: DemoBrand[]): DemoRetailer[] {
  const perRoute = splitByWeights(count, routes.map(() => rng.float(0.8, 1.2)));
  const usedNames = new Set<string>();
  const retailers: DemoRetailer[] = [];
  const established = brands.filter((b) => !b.newBrand);
  routes.forEach((route, routeIndex) => {
    const urban = distanceKm(route.centre, DISTRICT.centre) < URBAN_RADIUS_KM;
    const township = rng.pick(TOWNSHIPS);
    const streets = rng.sample(STREETS, 5);
    const villages = rng.sample(VILLAGES, 4);
    for (let k = 0; k < (perRoute[routeIndex] ?? 0); k++) {
      const index = retailers.length;
      const point = scatterAround(rng, route.centre);
      const format = rng.pickWeighted(RETAIL_FORMATS, (f) => FORMAT_WEIGHTS[f]);
      const tier = drawTier(rng, format);
      const place = urban ? rng.pick(streets) : rng.pick(villages);
      const name = uniqueShopName(rng, usedNames, place, format);
      retailers.push({
        index,
        licence: String(DISTRICT.licencePrefix + index + 1),
        customerCode: String(DISTRICT.customerCodePrefix + index + 1),
        name,
        owner: rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES),
        phone: `1${rng.pick(['33', '35', '37', '52', '59', '86', '89'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
        address: urban ? `${DISTRICT.county}${place}${rng.int(1, 399)}号` : `${DISTRICT.county}${township}${place}${rng.int(1, 120)}号`,
        longitude: point.longitude,
        latitude: point.latitude,
        format,
        market: urban ? '城镇' : '乡村',
        tier,
        route: route.code,
        managerCode: route.managerCode,
        status: drawStatus(rng),
        licenceAsNumber: rng.chance(0.3),
        preferredBrands: choosePreferredBrands(rng, tier, established),
      });
    }
  });
  return retailers;
}

const FORMAT_WEIGHTS: Record<RetailFormat, number> = {
  食杂店: 40,
  便利店: 20,
  超市: 14,
  商场: 3,
  烟酒商店: 16,
  娱乐服务类: 4,
  其他: 3,
};

function drawTier(rng: SeededRandom, format: RetailFormat): number {
  const lift = format === '商场' || format === '烟酒商店' ? 5 : format === '超市' ? 3 : 0;
  return Math.max(1, Math.min(30, Math.round(14 + lift + rng.gaussian() * 7)));
}

function drawStatus(rng: SeededRandom): RetailerStatus {
  const draw = rng.next();
  return draw < 0.015 ? '暂停' : draw < 0.025 ? '注销' : '正常';
}

function scatterAround(rng: SeededRandom, centre: GeoPoint): GeoPoint {
  let east = rng.gaussian() * RETAILER_SPREAD_KM;
  let north = rng.gaussian() * RETAILER_SPREAD_KM;
  const length = Math.hypot(east, north);
  if (length > RETAILER_MAX_OFFSET_KM) {
    east *= RETAILER_MAX_OFFSET_KM / length;
    north *= RETAILER_MAX_OFFSET_KM / length;
  }
  return offsetPoint(centre, east, north);
}

function uniqueShopName(rng: SeededRandom, used: Set<string>, place: string, format: RetailFormat): string {
  const prefix = place.replace(/(路|街|村|庄|湾|岭)$/u, '') || place;
  for (let attempt = 0; attempt < 12; attempt++) {
    const name = prefix + rng.pick(SHOP_WORDS) + rng.pick(SHOP_SUFFIXES[format]);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const base = prefix + rng.pick(SHOP_WORDS) + rng.pick(SHOP_SUFFIXES[format]);
  for (let n = 2; ; n++) {
    const name = `${base}（${n}店）`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** Higher tiers stock dearer brands: weight falls off with the log-distance from the tier's price point. */
function choosePreferredBrands(rng: SeededRandom, tier: number, brands: DemoBrand[]): DemoRetailer['preferredBrands'] {
  const target = Math.log(45) + ((tier - 1) / 29) * (Math.log(320) - Math.log(45));
  const weight = (b: DemoBrand): number =>
    Math.exp(-((Math.log(b.retailPrice) - target) ** 2) / (2 * 0.55 ** 2)) * (b.keyBrand ? 1.6 : 1) + 0.02;
  const count = Math.min(brands.length, 5 + Math.floor(tier / 8) + rng.int(0, 2));
  const pool = brands.slice();
  const chosen: DemoRetailer['preferredBrands'] = [];
  while (chosen.length < count && pool.length > 0) {
    const brand = rng.pickWeighted(pool, weight);
    pool.splice(pool.indexOf(brand), 1);
    chosen.push({ brand, share: weight(brand) * rng.float(0.6, 1.4) });
  }
  return chosen;
}

/** Largest-remainder split of `total` by `weights`. */
function splitByWeights(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, i) => ({ i, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}
