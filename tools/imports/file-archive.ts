import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { z } from 'zod';
import type { ImportFiles } from './import-kinds.ts';

const compress = promisify(gzip);
const decompress = promisify(gunzip);

const archivedFiles = z.array(z.object({ name: z.string(), gzip: z.string() }));
/** With per-call options (an import kind's own input fields) the files sit beside them. */
const archived = z.union([archivedFiles, z.object({ files: archivedFiles, options: z.record(z.string(), z.unknown()) })]);

/**
 * A queued import's files as stored with it: JSON of each file's name and gzipped text (base64).
 * zlib works on libuv's thread pool, and CSV shrinks about eight-fold, so keeping a 200,000-row
 * file is one ~1.5 MB text write (~150 ms on the embedded database) instead of an 8 MB JSON one
 * (~4 s, during which the embedded database and this thread serve nobody else).
 */
export async function packFiles(files: ImportFiles['files'], options: Record<string, unknown> = {}): Promise<string> {
  const packed = await Promise.all(files.map(async (file) => ({ name: file.name, gzip: (await compress(Buffer.from(file.content, 'utf8'))).toString('base64') })));
  return JSON.stringify(Object.keys(options).length ? { files: packed, options } : packed);
}

export async function unpackFiles(text: string): Promise<ImportFiles['files']> {
  return (await unpackArchive(text)).files;
}

/** The files and the options they were queued with (none for kinds without options). */
export async function unpackArchive(text: string): Promise<{ files: ImportFiles['files']; options: Record<string, unknown> }> {
  const parsed = archived.parse(JSON.parse(text));
  const [packed, options] = Array.isArray(parsed) ? [parsed, {}] : [parsed.files, parsed.options];
  const files = await Promise.all(packed.map(async (file) => ({ name: file.name, content: (await decompress(Buffer.from(file.gzip, 'base64'))).toString('utf8') })));
  return { files, options };
}
