import { repairCjkMojibake } from '../../../core/import/repairMojibake';
import { decodeOoxmlEscapes, decodeXmlText } from './decodeXmlText';
import { XmlScanner } from './xmlScanner';

/**
 * The shared string table, rich text flattened to its plain text. Phonetic runs (<rPh>)
 * are annotations, not content, and are dropped.
 */
export async function readSharedStrings(chunks: AsyncIterable<Buffer>): Promise<string[]> {
  const strings: string[] = [];
  let inItem = false;
  let phoneticDepth = 0;
  let collecting = false;
  let current = '';

  const scanner = new XmlScanner({
    openTag(name, _source, _start, _end, selfClosing) {
      if (name === 'si') {
        if (selfClosing) {
          strings.push('');
        } else {
          inItem = true;
          current = '';
        }
      } else if (name === 'rPh') {
        if (!selfClosing) phoneticDepth++;
      } else if (name === 't') {
        collecting = inItem && phoneticDepth === 0 && !selfClosing;
      }
    },
    closeTag(name) {
      if (name === 't') {
        collecting = false;
      } else if (name === 'rPh') {
        phoneticDepth = Math.max(0, phoneticDepth - 1);
      } else if (name === 'si') {
        strings.push(repairCjkMojibake(decodeOoxmlEscapes(current)));
        inItem = false;
        current = '';
      }
    },
    text(source, start, end, verbatim) {
      if (!collecting) return;
      const raw = source.slice(start, end);
      current += verbatim ? raw : decodeXmlText(raw);
    },
  });

  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) scanner.write(decoder.decode(chunk, { stream: true }));
  scanner.write(decoder.decode());
  scanner.end();
  return strings;
}
