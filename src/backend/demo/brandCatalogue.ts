import { shiftMonth } from '../../core/calendar/dates';
import { SeededRandom } from './seededRandom';

export interface DemoBrand {
  code: string;
  name: string;
  brand: string;
  priceClass: '一类' | '二类' | '三类' | '四类' | '五类';
  wholesalePrice: number;
  retailPrice: number;
  keyBrand: boolean;
  newBrand: boolean;
  launchedOn: string;
  /** Allocated brands are short: demand runs above what is ordered. */
  scarce: boolean;
}

type Spec = [name: string, brand: string, priceClass: DemoBrand['priceClass'], wholesale: number, retail: number, key: boolean];

const SPECS: Spec[] = [
  ['中华(硬)', '中华', '一类', 375.0, 450.0, true],
  ['中华(软)', '中华', '一类', 560.0, 650.0, false],
  ['芙蓉王(硬)', '芙蓉王', '一类', 212.0, 250.0, true],
  ['玉溪(软)', '玉溪', '一类', 198.0, 230.0, true],
  ['黄鹤楼(软蓝)', '黄鹤楼', '一类', 165.4, 190.0, false],
  ['苏烟(五星红杉树)', '苏烟', '一类', 415.0, 500.0, false],
  ['泰山(佛光)', '泰山', '一类', 254.4, 300.0, true],
  ['利群(新版)', '利群', '二类', 119.3, 140.0, true],
  ['南京(炫赫门)', '南京', '二类', 148.4, 180.0, false],
  ['泰山(心悦)', '泰山', '二类', 127.2, 150.0, true],
  ['长白山(777)', '长白山', '二类', 110.2, 130.0, false],
  ['七匹狼(红)', '七匹狼', '二类', 101.8, 120.0, false],
  ['娇子(宽窄平安)', '娇子', '二类', 118.7, 140.0, false],
  ['云烟(紫)', '云烟', '三类', 95.4, 110.0, false],
  ['红塔山(硬经典)', '红塔山', '三类', 84.8, 100.0, false],
  ['泰山(红将军)', '泰山', '三类', 84.8, 100.0, true],
  ['白沙(硬)', '白沙', '三类', 84.8, 100.0, false],
  ['红金龙(硬神州)', '红金龙', '三类', 72.1, 85.0, false],
  ['黄金叶(乐途)', '黄金叶', '三类', 63.6, 75.0, false],
  ['好猫(长乐)', '好猫', '三类', 67.8, 80.0, false],
  ['将军(硬蓝)', '将军', '四类', 46.6, 55.0, true],
  ['红河(硬)', '红河', '四类', 42.4, 50.0, false],
  ['哈德门(精品)', '哈德门', '四类', 50.9, 60.0, false],
  ['泰山(白将军)', '泰山', '四类', 44.5, 52.0, true],
  ['双喜(硬经典)', '双喜', '四类', 38.2, 45.0, false],
  ['钻石(硬红)', '钻石', '五类', 27.6, 32.0, false],
  ['大前门(短支)', '大前门', '五类', 25.4, 30.0, false],
];

/** Launched in the last months: the brand dimension's 新品. */
const NEW_SPECS: [Spec, monthsBeforeEnd: number, day: string][] = [
  [['泰山(望岳)', '泰山', '二类', 127.2, 150.0, true], 4, '01'],
  [['好客(山水)', '好客', '三类', 63.6, 75.0, false], 4, '01'],
  [['黄鹤楼(硬峡谷情)', '黄鹤楼', '一类', 233.2, 280.0, false], 2, '15'],
  [['利群(长嘴)', '利群', '二类', 152.6, 180.0, true], 1, '10'],
];

export function buildBrandCatalogue(rng: SeededRandom, endMonth: string): DemoBrand[] {
  const usedCodes = new Set<string>();
  const nextCode = (): string => {
    for (;;) {
      const body = `6901028${String(rng.int(0, 99999)).padStart(5, '0')}`;
      const code = body + ean13CheckDigit(body);
      if (!usedCodes.has(code)) {
        usedCodes.add(code);
        return code;
      }
    }
  };
  const established = SPECS.map((spec) => toBrand(spec, nextCode(), false, rng.pick(['2008-03-01', '2010-01-01', '2012-06-01', '2015-09-01', '2018-04-01'])));
  const launched = NEW_SPECS.map(([spec, monthsBefore, day]) => toBrand(spec, nextCode(), true, `${shiftMonth(endMonth, -monthsBefore)}-${day}`));
  return [...established, ...launched];
}

function toBrand([name, brand, priceClass, wholesale, retail, key]: Spec, code: string, isNew: boolean, launchedOn: string): DemoBrand {
  return {
    code,
    name,
    brand,
    priceClass,
    wholesalePrice: wholesale,
    retailPrice: retail,
    keyBrand: key,
    newBrand: isNew,
    launchedOn,
    scarce: priceClass === '一类' && key,
  };
}

function ean13CheckDigit(twelveDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelveDigits[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}
