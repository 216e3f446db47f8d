#!/usr/bin/env node
/**
 * Draws the app icon (a clipboard with a tick and three bars, on a deep-green tile) from SVG with
 * @resvg/resvg-js and writes resources/icons/icon.png (512 px), icon.ico (16–256 px, PNG entries)
 * and icon.svg. No downloads; run again after changing the drawing: node scripts/makeIcons.mjs
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'resources', 'icons');

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect x="16" y="16" width="480" height="480" rx="96" fill="#13654f"/>
  <rect x="120" y="104" width="272" height="336" rx="28" fill="#ffffff"/>
  <rect x="196" y="78" width="120" height="56" rx="18" fill="#e8b931"/>
  <path d="M164 214 l36 36 l68 -72" fill="none" stroke="#13654f" stroke-width="30" stroke-linecap="round" stroke-linejoin="round"/>
  <rect x="172" y="330" width="40" height="70" rx="8" fill="#13654f"/>
  <rect x="236" y="296" width="40" height="104" rx="8" fill="#13654f"/>
  <rect x="300" y="262" width="40" height="138" rx="8" fill="#e8b931"/>
</svg>
`;

function png(size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** An .ico whose entries are PNG images (Windows Vista and later read them at every size). */
function ico(sizes) {
  const images = sizes.map((size) => ({ size, data: png(size) }));
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, data } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2);
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'icon.svg'), svg);
fs.writeFileSync(path.join(out, 'icon.png'), png(512));
fs.writeFileSync(path.join(out, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256]));
console.log(`icons written to ${path.relative(root, out)}`);
