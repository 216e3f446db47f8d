import path from 'node:path';
import { writeCsv, writeXlsx } from '../../../../helpers/writeSheets';

/** A tiny consistent district written as real files: two managers, three retailers. */
export async function writeMiniDistrict(dir: string): Promise<Record<'roster' | 'retailers' | 'brands', string>> {
  const roster = await writeXlsx(path.join(dir, '客户经理花名册.xlsx'), [
    ['工号', '姓名', '营销部', '服务线路', 'UserId', '入职日期', '状态'],
    ['LH001', '张伟', '临河营销部', 'X01、X02', 'user001', new Date(Date.UTC(2020, 2, 1)), '在岗'],
    ['LH002', '李娜', '临河营销部', 'X03', 'user002', '2021/5/6', '在岗'],
  ]);
  const retailers = await writeXlsx(path.join(dir, '零售客户档案_202610.xlsx'), [
    ['零售客户档案（截至2026年10月）'],
    [],
    ['许可证号', '客户编码', '客户名称', '经度', '纬度', '档位', '送货线路', '客户经理工号', '状态'],
    [370902110001, '3709020010001', '福顺便利店', 117.1201, 36.6512, 25, 'X01', 'LH001', '正常'],
    ['370902110002', '3709020010002', '老王烟酒店', 117.1302, 36.6603, 12, 'X02', 'LH001', '正常'],
    ['370902110003', '3709020010003', '惠民超市', 117.2001, 36.7001, 5, 'X03', null, '正常'],
  ]);
  const brands = writeCsv(
    path.join(dir, '品规目录.csv'),
    [
      ['卷烟编码', '卷烟名称', '批发价(元/条)', '建议零售价', '重点品牌', '新品'],
      ['6901028001687', '中华(硬)', '375.00', '450.00', '是', '×'],
      ['6901028075022', '云烟(紫)', '95.40', '110.00', '否', '√'],
    ],
    'utf8-bom',
  );
  return { roster, retailers, brands };
}
