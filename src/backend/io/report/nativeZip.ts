import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflateRaw = promisify(zlib.deflateRaw);
const MEDIA = /^xl\/media\/[^/]+\.(png|jpe?g|gif)$/i;
/** The option (in exceljs' `zip` write options) by which a writer asks for the native zip. */
export const NATIVE_ZIP_OPTION = 'kaopingNativeZip';

interface Entry {
  name: string;
  data: Buffer;
}

interface ZipWriterLike {
  options: Record<string, unknown> & { compressionOptions?: { level?: number } };
  stream: { end(content: Buffer): void };
  emit(event: string, ...args: unknown[]): boolean;
  kaopingEntries?: Entry[];
}
type Append = (this: ZipWriterLike, data: unknown, options: { name: string; base64?: boolean }) => void;
type Finalize = (this: ZipWriterLike) => Promise<void>;

let patched = false;

/**
 * Lets a workbook written with `zip: { [NATIVE_ZIP_OPTION]: true, … }` be zipped with Node's own
 * zlib instead of JSZip. JSZip deflates and checksums in JavaScript on the calling thread (about
 * a second for the city report); zlib deflates the parts at once on libuv's thread pool. The
 * parts are the same bytes; only the container differs (the deflate streams, no directory
 * entries). Images are stored as they are, already compressed. Other workbooks, and every
 * workbook when exceljs' zip writer is not shaped as expected or zlib has no crc32 (Node < 20.15),
 * keep JSZip.
 */
export function useNativeZip(): void {
  if (patched) return;
  patched = true;
  if (typeof zlib.crc32 !== 'function') return;
  let writer: unknown;
  try {
    writer = (createRequire(import.meta.url)('exceljs/lib/utils/zip-stream.js') as { ZipWriter?: unknown }).ZipWriter;
  } catch {
    return;
  }
  const proto = typeof writer === 'function' ? (writer.prototype as { append?: unknown; finalize?: unknown }) : undefined;
  if (!proto || typeof proto.append !== 'function' || typeof proto.finalize !== 'function') return;
  const originalAppend = proto.append as Append;
  const originalFinalize = proto.finalize as Finalize;
  const append: Append = function (data, options) {
    if (this.options?.[NATIVE_ZIP_OPTION] !== true) return originalAppend.call(this, data, options);
    const bytes = options.base64 && typeof data === 'string' ? Buffer.from(data, 'base64') : typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.isBuffer(data) ? data : Buffer.from(data as Uint8Array);
    (this.kaopingEntries ??= []).push({ name: options.name, data: bytes });
  };
  const finalize: Finalize = async function () {
    if (this.options?.[NATIVE_ZIP_OPTION] !== true) return originalFinalize.call(this);
    const entries = this.kaopingEntries ?? [];
    // Past what a zip without zip64 holds, JSZip (which writes zip64) takes the parts after all.
    if (entries.length >= 0xffff || entries.reduce((sum, e) => sum + e.data.length, 0) >= 0xf0000000) {
      for (const e of entries) originalAppend.call(this, e.data, { name: e.name });
      return originalFinalize.call(this);
    }
    const level = this.options.compressionOptions?.level ?? 6;
    const content = await zipEntries(entries, level, new Date());
    this.stream.end(content);
    this.emit('finish');
  };
  proto.append = append;
  proto.finalize = finalize;
}

/** A zip archive of `entries` in order: images stored, everything else deflated at `level`. */
export async function zipEntries(entries: readonly Entry[], level: number, when: Date): Promise<Buffer> {
  const packed = await Promise.all(
    entries.map(async (e) => {
      const store = MEDIA.test(e.name);
      const body = store ? e.data : await deflateRaw(e.data, { level });
      return { ...e, method: store ? 0 : 8, body, crc: zlib.crc32(e.data) };
    }),
  );
  const time = (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1);
  const date = ((when.getFullYear() - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate();
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of packed) {
    const name = Buffer.from(e.name, 'utf8');
    // Bit 11: the name is UTF-8.
    const flags = /^[\x20-\x7e]*$/.test(e.name) ? 0 : 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(flags, 8);
    head.writeUInt16LE(e.method, 10);
    head.writeUInt16LE(time, 12);
    head.writeUInt16LE(date, 14);
    head.writeUInt32LE(e.crc, 16);
    head.writeUInt32LE(e.body.length, 20);
    head.writeUInt32LE(e.data.length, 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(offset, 42);
    parts.push(local, name, e.body);
    central.push(head, name);
    offset += local.length + name.length + e.body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(packed.length, 8);
  end.writeUInt16LE(packed.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
