import fs from 'node:fs';
import { createRequire } from 'node:module';

/** hb_subset_sets_t: the name IDs, name languages and layout features a subset keeps. */
const SETS_KEPT_WHOLE = [4, 5, 6];
/** HB_MEMORY_MODE_WRITABLE: HarfBuzz may use the copied font bytes in place. */
const MEMORY_MODE_WRITABLE = 2;

interface SubsetExports {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

export interface FontSubsetter {
  /** A font file's bytes with only the glyphs `text` needs (and what shaping them reaches); null when HarfBuzz refuses. */
  subset(text: string): Buffer | null;
  dispose(): void;
}

/**
 * Cuts a large font down to the characters at hand with HarfBuzz's hb-subset (harfbuzzjs' wasm).
 * resvg 2.6 rereads its whole font file for every glyph it shapes or outlines, which for a 20 MB
 * CJK collection costs seconds a report; a subset of a few dozen KB costs nothing to reread. The
 * subset keeps every name, language and layout feature, so the face is found by the same family
 * and shapes the same glyphs at the same advances: its outlines are the full font's.
 * Null when the font cannot be read or has no face of that family, or HarfBuzz cannot be loaded
 * (the caller then uses the full font).
 */
export async function openFontSubsetter(file: string, family: string): Promise<FontSubsetter | null> {
  try {
    const bytes = await fs.promises.readFile(file);
    const index = faceIndexOf(bytes, family);
    if (index === null) return null;
    const require = createRequire(import.meta.url);
    const wasm = await fs.promises.readFile(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    const { instance } = await WebAssembly.instantiate(wasm);
    const hb = instance.exports as unknown as SubsetExports;
    const fontPtr = hb.malloc(bytes.byteLength);
    if (!fontPtr) return null;
    new Uint8Array(hb.memory.buffer).set(bytes, fontPtr);
    const blob = hb.hb_blob_create(fontPtr, bytes.byteLength, MEMORY_MODE_WRITABLE, 0, 0);
    const face = hb.hb_face_create(blob, index);
    hb.hb_blob_destroy(blob);
    let open = true;
    return {
      subset(text) {
        if (!open) return null;
        const input = hb.hb_subset_input_create_or_fail();
        if (!input) return null;
        try {
          const unicodes = hb.hb_subset_input_unicode_set(input);
          for (const ch of new Set(text)) hb.hb_set_add(unicodes, ch.codePointAt(0) ?? 0);
          for (const which of SETS_KEPT_WHOLE) {
            const set = hb.hb_subset_input_set(input, which);
            hb.hb_set_clear(set);
            hb.hb_set_invert(set);
          }
          const result = hb.hb_subset_or_fail(face, input);
          if (!result) return null;
          const out = hb.hb_face_reference_blob(result);
          const data = hb.hb_blob_get_data(out, 0);
          const length = hb.hb_blob_get_length(out);
          // The wasm memory may have grown during the subset: view it afresh.
          const copy = length > 0 ? Buffer.from(new Uint8Array(hb.memory.buffer, data, length)) : null;
          hb.hb_blob_destroy(out);
          hb.hb_face_destroy(result);
          return copy;
        } finally {
          hb.hb_subset_input_destroy(input);
        }
      },
      dispose() {
        if (!open) return;
        open = false;
        hb.hb_face_destroy(face);
        hb.free(fontPtr);
      },
    };
  } catch {
    return null;
  }
}

/**
 * The index of the face named `family` (name ID 1 or 16) in a font file or collection (.ttc);
 * null when none is. Read straight from the sfnt tables: loading the file into HarfBuzz' shaping
 * module for this would keep another copy of it in that module's memory for good.
 */
export function faceIndexOf(bytes: Buffer, family: string): number | null {
  const collection = bytes.toString('latin1', 0, 4) === 'ttcf';
  const count = collection ? bytes.readUInt32BE(8) : 1;
  for (let i = 0; i < count; i++) {
    const sfnt = collection ? bytes.readUInt32BE(12 + 4 * i) : 0;
    if (familyNames(bytes, sfnt).includes(family)) return i;
  }
  return null;
}

/** The family names (IDs 1 and 16) of the face whose table directory starts at `sfnt`. */
function familyNames(bytes: Buffer, sfnt: number): string[] {
  const tables = bytes.readUInt16BE(sfnt + 4);
  let name = -1;
  for (let t = 0; t < tables; t++) {
    const record = sfnt + 12 + 16 * t;
    if (bytes.toString('latin1', record, record + 4) === 'name') name = bytes.readUInt32BE(record + 8);
  }
  if (name < 0) return [];
  const records = bytes.readUInt16BE(name + 2);
  const strings = name + bytes.readUInt16BE(name + 4);
  const names: string[] = [];
  for (let r = 0; r < records; r++) {
    const at = name + 6 + 12 * r;
    const platform = bytes.readUInt16BE(at);
    const nameId = bytes.readUInt16BE(at + 6);
    if (nameId !== 1 && nameId !== 16) continue;
    const from = strings + bytes.readUInt16BE(at + 10);
    const raw = bytes.subarray(from, from + bytes.readUInt16BE(at + 8));
    // Unicode and Windows names are UTF-16BE; Macintosh names here are ASCII family names.
    names.push(platform === 1 ? raw.toString('latin1') : Buffer.from(raw).swap16().toString('utf16le'));
  }
  return names;
}
