import { posix } from 'node:path';
import type { Entry } from 'yauzl';
import { FileRefusedError } from '../fileRefusedError';
import { refuse } from '../refusals';
import { repairCjkMojibake } from '../../../core/import/repairMojibake';
import { readAttributes } from './xmlAttributes';
import { XmlScanner } from './xmlScanner';
import type { ZipArchive } from './zipArchive';

export interface ManifestSheet {
  name: string;
  /** Position among all sheets of the workbook, 0-based. */
  index: number;
  hidden: boolean;
  entry: Entry;
}

/** What the workbook part and its relationships say: sheets in order, where the shared parts are. */
export interface WorkbookManifest {
  date1904: boolean;
  /** Worksheets only: chart sheets and macro sheets hold no rows. */
  sheets: ManifestSheet[];
  sharedStrings: Entry | undefined;
  styles: Entry | undefined;
}

/** workbook.xml, rels and the like are small; anything bigger is not a real workbook. */
const MAX_METADATA_PART_BYTES = 64 * 1024 * 1024;

interface Relationship {
  type: string;
  target: string;
}

export async function readWorkbookManifest(zip: ZipArchive, fileName: string): Promise<WorkbookManifest> {
  const workbookPath = (await findOfficeDocumentPath(zip, fileName)) ?? 'xl/workbook.xml';
  const workbookEntry = zip.find(workbookPath);
  if (workbookEntry === undefined) throw await describeForeignZip(zip, fileName);
  if (workbookPath.toLowerCase().endsWith('.bin')) {
    throw refuse.notSpreadsheet(fileName, 'Excel 二进制工作簿（.xlsb）', '请在 Excel/WPS 中另存为 .xlsx 后再导入。');
  }

  const workbook = parseWorkbook(await readMetadataPart(zip, workbookEntry, fileName));
  const relsPath = posix.join(posix.dirname(workbookPath), '_rels', `${posix.basename(workbookPath)}.rels`);
  const relsEntry = zip.find(relsPath);
  const relationships = relsEntry === undefined ? new Map<string, Relationship>() : parseRelationships(await readMetadataPart(zip, relsEntry, fileName), posix.dirname(workbookPath));

  const sheets: ManifestSheet[] = [];
  workbook.sheets.forEach((sheet, index) => {
    const relationship = relationships.get(sheet.relationshipId);
    // Without rels, fall back to the naming every writer uses.
    const target = relationship?.target ?? `xl/worksheets/sheet${index + 1}.xml`;
    if (relationship !== undefined && !relationship.type.endsWith('/worksheet')) return;
    const entry = zip.find(target);
    if (entry === undefined) {
      throw refuse.unreadable(fileName, `工作表「${sheet.name}」的数据缺失，文件可能已损坏`);
    }
    sheets.push({ name: sheet.name, index, hidden: sheet.hidden, entry });
  });

  const partOfType = (suffix: string, fallback: string): Entry | undefined => {
    for (const relationship of relationships.values()) {
      if (relationship.type.endsWith(suffix)) return zip.find(relationship.target);
    }
    return zip.find(fallback);
  };

  return {
    date1904: workbook.date1904,
    sheets,
    sharedStrings: partOfType('/sharedStrings', 'xl/sharedStrings.xml'),
    styles: partOfType('/styles', 'xl/styles.xml'),
  };
}

export async function readMetadataPart(zip: ZipArchive, entry: Entry, fileName: string): Promise<string> {
  if (entry.uncompressedSize > MAX_METADATA_PART_BYTES) throw refuse.tooLarge(fileName, MAX_METADATA_PART_BYTES);
  try {
    return await zip.readText(entry);
  } catch (error) {
    if (error instanceof FileRefusedError) throw error;
    throw refuse.unreadable(fileName, undefined, error);
  }
}

async function findOfficeDocumentPath(zip: ZipArchive, fileName: string): Promise<string | undefined> {
  const rootRels = zip.find('_rels/.rels');
  if (rootRels === undefined) return undefined;
  for (const relationship of parseRelationships(await readMetadataPart(zip, rootRels, fileName), '').values()) {
    if (relationship.type.endsWith('/officeDocument')) return relationship.target;
  }
  return undefined;
}

interface WorkbookPart {
  date1904: boolean;
  sheets: Array<{ name: string; relationshipId: string; hidden: boolean }>;
}

function parseWorkbook(xml: string): WorkbookPart {
  const part: WorkbookPart = { date1904: false, sheets: [] };
  new XmlScanner({
    openTag(name, source, start, end) {
      if (name === 'workbookPr') {
        const date1904 = readAttributes(source, start, end).get('date1904');
        part.date1904 = date1904 === '1' || date1904 === 'true';
      } else if (name === 'sheet') {
        const attributes = readAttributes(source, start, end);
        const state = attributes.get('state');
        part.sheets.push({
          name: repairCjkMojibake(attributes.get('name') ?? `Sheet${part.sheets.length + 1}`),
          relationshipId: attributes.get('id') ?? '',
          hidden: state === 'hidden' || state === 'veryHidden',
        });
      }
    },
    closeTag() {},
    text() {},
  }).write(xml);
  return part;
}

function parseRelationships(xml: string, baseDirectory: string): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  new XmlScanner({
    openTag(name, source, start, end) {
      if (name !== 'Relationship') return;
      const attributes = readAttributes(source, start, end);
      const id = attributes.get('Id');
      const target = attributes.get('Target');
      if (id === undefined || target === undefined || attributes.get('TargetMode') === 'External') return;
      relationships.set(id, { type: attributes.get('Type') ?? '', target: resolvePartPath(baseDirectory, target) });
    },
    closeTag() {},
    text() {},
  }).write(xml);
  return relationships;
}

function resolvePartPath(baseDirectory: string, target: string): string {
  const normalized = target.replace(/\\/g, '/');
  const absolute = normalized.startsWith('/') ? normalized.slice(1) : posix.join(baseDirectory, normalized);
  return posix.normalize(absolute).replace(/^\/+/, '');
}

/** Names what a zip that is not a workbook actually is, so the message can say what to do. */
async function describeForeignZip(zip: ZipArchive, fileName: string): Promise<Error> {
  if (zip.find('xl/workbook.bin') !== undefined) {
    return refuse.notSpreadsheet(fileName, 'Excel 二进制工作簿（.xlsb）', '请在 Excel/WPS 中另存为 .xlsx 后再导入。');
  }
  if (zip.find('word/document.xml') !== undefined) return refuse.notSpreadsheet(fileName, 'Word 文档');
  if (zip.find('ppt/presentation.xml') !== undefined) return refuse.notSpreadsheet(fileName, 'PowerPoint 演示文稿');
  const mimetype = zip.find('mimetype');
  if (mimetype !== undefined && mimetype.uncompressedSize < 200) {
    const type = await zip.readText(mimetype).catch(() => '');
    if (type.includes('opendocument.spreadsheet')) {
      return refuse.notSpreadsheet(fileName, 'OpenDocument 表格（.ods）', '请在 WPS/Excel 中另存为 .xlsx 后再导入。');
    }
    return refuse.notSpreadsheet(fileName, 'OpenDocument 文档');
  }
  const containsSpreadsheets = [...zip.entries.keys()].some((path) => /\.(xlsx|xls|csv)$/.test(path));
  if (containsSpreadsheets) return refuse.notSpreadsheet(fileName, '压缩包', '请先解压，再导入其中的表格文件。');
  return refuse.notSpreadsheet(fileName, '压缩包或其他格式的文件');
}
