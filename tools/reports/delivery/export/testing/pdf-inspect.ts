import { inflateSync } from 'node:zlib';

/** What a test needs to know of a PDF: its objects, pages, images and each page's text. */
export interface InspectedPdf {
  header: string;
  pageCount: number;
  /** Text of each page, in drawing order, one line per text object. */
  pages: string[];
  imageCount: number;
  embeddedFontCount: number;
}

interface PdfObject {
  dictionary: string;
  stream: Buffer | null;
}

/**
 * A small reader for the PDFs PDFKit writes (no object streams, Flate-compressed content, Type0
 * fonts with a ToUnicode map): enough to prove a file is a PDF and to read back what it says,
 * without a PDF library.
 */
export function inspectPdf(bytes: Buffer): InspectedPdf {
  const text = bytes.toString('latin1');
  const objects = readObjects(text);
  const pageObjects = [...objects.values()].filter((object) => /\/Type \/Page\b/.test(object.dictionary));
  const pages = pageObjects.map((page) => pageText(page, objects));
  return {
    header: text.slice(0, 8),
    pageCount: pageObjects.length,
    pages,
    imageCount: [...objects.values()].filter((object) => /\/Subtype \/Image\b/.test(object.dictionary)).length,
    embeddedFontCount: [...objects.values()].filter((object) => /\/FontFile2 \d+ 0 R/.test(object.dictionary)).length,
  };
}

/** Objects by number, reading each stream by its /Length (binary data may contain any word). */
function readObjects(text: string): Map<string, PdfObject> {
  const objects = new Map<string, PdfObject>();
  const objectStart = /(\d+) 0 obj\s*/g;
  for (let match = objectStart.exec(text); match; match = objectStart.exec(text)) {
    const bodyStart = objectStart.lastIndex;
    const streamAt = text.indexOf('stream', bodyStart);
    const endAt = text.indexOf('endobj', bodyStart);
    if (streamAt === -1 || streamAt > endAt) {
      objects.set(match[1]!, { dictionary: text.slice(bodyStart, endAt), stream: null });
      objectStart.lastIndex = endAt;
      continue;
    }
    const dictionary = text.slice(bodyStart, streamAt);
    const dataStart = text[streamAt + 6] === '\r' ? streamAt + 8 : streamAt + 7;
    const length = Number(/\/Length (\d+)\b/.exec(dictionary)?.[1] ?? 0);
    const raw = Buffer.from(text.slice(dataStart, dataStart + length), 'latin1');
    objects.set(match[1]!, { dictionary, stream: /\/FlateDecode/.test(dictionary) ? inflateSync(raw) : raw });
    objectStart.lastIndex = dataStart + length;
  }
  return objects;
}

const reference = (dictionary: string, key: string) => new RegExp(`/${key} (\\d+) 0 R`).exec(dictionary)?.[1];

function pageText(page: PdfObject, objects: Map<string, PdfObject>): string {
  const resources = inlineOrReferenced(page.dictionary, 'Resources', objects);
  const fontDictionary = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
  const fonts = new Map<string, Map<number, string>>();
  for (const [, name, id] of fontDictionary.matchAll(/\/(\S+?) (\d+) 0 R/g)) fonts.set(name!, toUnicodeOf(objects.get(id!), objects));
  const contents = objects.get(reference(page.dictionary, 'Contents') ?? '')?.stream?.toString('latin1') ?? '';
  const lines: string[] = [];
  for (const block of contents.matchAll(/BT([\s\S]*?)ET/g)) {
    let map = new Map<number, string>();
    let line = '';
    for (const token of block[1]!.matchAll(/\/(\S+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-fA-F]*)> Tj/g)) {
      if (token[1]) map = fonts.get(token[1]) ?? new Map();
      const strings = token[2] ? [...token[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => hex[1]!) : token[3] !== undefined ? [token[3]] : [];
      for (const hex of strings) for (let at = 0; at + 4 <= hex.length; at += 4) line += map.get(parseInt(hex.slice(at, at + 4), 16)) ?? '?';
    }
    lines.push(line);
  }
  return lines.join('\n');
}

function inlineOrReferenced(dictionary: string, key: string, objects: Map<string, PdfObject>): string {
  const id = reference(dictionary, key);
  return id ? (objects.get(id)?.dictionary ?? '') : dictionary;
}

/** Glyph code -> text, from a Type0 font's ToUnicode CMap (bfchar pairs and bfrange spans or arrays). */
function toUnicodeOf(font: PdfObject | undefined, objects: Map<string, PdfObject>): Map<number, string> {
  const map = new Map<number, string>();
  const cmap = objects.get(reference(font?.dictionary ?? '', 'ToUnicode') ?? '')?.stream?.toString('latin1') ?? '';
  const decode = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, unicode] of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(code!, 16), decode(unicode!));
  }
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, target] of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const first = parseInt(low!, 16);
      if (target!.startsWith('[')) [...target!.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((hex, index) => map.set(first + index, decode(hex[1]!)));
      else for (let code = first, unicode = parseInt(target!.slice(1, -1), 16); code <= parseInt(high!, 16); code += 1, unicode += 1) map.set(code, String.fromCharCode(unicode));
    }
  }
  return map;
}
