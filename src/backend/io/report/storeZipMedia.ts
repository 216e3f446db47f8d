import { createRequire } from 'node:module';

const MEDIA = /^xl\/media\/[^/]+\.(png|jpe?g|gif)$/i;

interface ZipWriterLike {
  zip: { file(name: string, data: unknown, options?: Record<string, unknown>): unknown };
}
type Append = (this: ZipWriterLike, data: unknown, options: { name: string; base64?: boolean }) => void;

let patched = false;

/**
 * Makes exceljs store images in the xlsx zip as they are instead of deflating them again.
 * exceljs hands every part to JSZip without per-file options, and JSZip's JavaScript deflate of
 * already-compressed PNGs costs about a second a city report for a 10 % gain. The PNG parts are
 * stored (the zip's own choice per entry, which every reader handles); the XML parts are still
 * deflated. If exceljs' zip writer is not shaped as expected (another exceljs version), nothing
 * changes and the images are simply deflated as before.
 */
export function storeZipMedia(): void {
  if (patched) return;
  patched = true;
  let writer: unknown;
  try {
    writer = (createRequire(import.meta.url)('exceljs/lib/utils/zip-stream.js') as { ZipWriter?: unknown }).ZipWriter;
  } catch {
    return;
  }
  const proto = typeof writer === 'function' ? (writer.prototype as { append?: unknown }) : undefined;
  if (!proto || typeof proto.append !== 'function') return;
  const original = proto.append as Append;
  const append: Append = function (data, options) {
    if (!options.base64 && MEDIA.test(options.name) && Buffer.isBuffer(data) && typeof this.zip?.file === 'function') {
      this.zip.file(options.name, data, { compression: 'STORE' });
      return;
    }
    original.call(this, data, options);
  };
  proto.append = append;
}
