import { join } from 'node:path';
import type { DemoContext, WrittenFile } from './demoContext';
import { EncodedCsvWriter } from './encodedCsvWriter';

/** A UTF-8-with-BOM list, mixing 是/否 and √/× as hand-kept lists do. */
export async function writeBrands(ctx: DemoContext): Promise<WrittenFile> {
  const path = join(ctx.outDir, '品规目录.csv');
  const csv = EncodedCsvWriter.open(path, 'utf-8-bom');
  await csv.writeRow(['卷烟编码', '卷烟名称', '品牌', '价类', '批发价(元/条)', '建议零售价', '是否重点品牌', '新品', '上市日期']);
  for (const b of ctx.district.brands) {
    await csv.writeRow([
      b.code,
      b.name,
      b.brand,
      b.priceClass,
      b.wholesalePrice.toFixed(2),
      b.retailPrice.toFixed(2),
      b.keyBrand ? '是' : '否',
      b.newBrand ? '√' : '×',
      b.launchedOn,
    ]);
  }
  await csv.close();
  return { path, kind: 'brands', rows: ctx.district.brands.length };
}
