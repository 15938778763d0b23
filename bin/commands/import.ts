import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { IMPORT_KINDS } from '../../tools/imports/import-kinds.ts';
import { cliPrincipal } from '../command-context.ts';
import type { Runtime } from '../runtime.ts';
import { parseOptions, UsageError } from '../usage.ts';
import { ERROR_SURFACE_MAP } from '../../tools/registry/errors.ts';
import { reportResult } from './call.ts';

export const importUsage = 'import KIND FILE_OR_DIR --org S   load files through the KIND import tool (exit 2 when a file is rejected)';

export async function importCommand(runtime: Runtime, args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { org: { type: 'string' }, as: { type: 'string' } }, true);
  const [kindName, path] = positionals;
  const kinds = Object.keys(IMPORT_KINDS);
  const available = kinds.length ? kinds.join(', ') : 'none yet';
  if (!kindName || !path) throw new UsageError(`usage: crescendo ${importUsage} (kinds: ${available})`);
  const kind = IMPORT_KINDS[kindName];
  if (!kind) throw new UsageError(`import: unknown kind "${kindName}" (kinds: ${available})`);
  const files = readFiles(path, kind.filePattern);
  const principal = await cliPrincipal(runtime, values);
  const result = await runtime.runner.call(kind.tool, { files }, principal);
  const exitCode = reportResult(result);
  if (!result.ok) return exitCode;
  // The good files were stored, but a script must be able to tell that some were not.
  const output = result.output as { files_rejected?: number; rejected?: number };
  const rejected = output.files_rejected ?? output.rejected ?? 0;
  if (rejected === 0) return exitCode;
  process.stderr.write(`import: ${rejected} of ${files.length} file${files.length === 1 ? '' : 's'} rejected, nothing stored from ${rejected === 1 ? 'it' : 'them'}; see "errors" above\n`);
  return ERROR_SURFACE_MAP.invalid_input.exitCode;
}

/**
 * Read as UTF-8 without failing: a file that is not UTF-8 gets U+FFFD where its bad bytes were, and
 * the import tool rejects that file with the line (the other files still load), as over HTTP.
 */
function readFiles(path: string, pattern: RegExp): Array<{ name: string; content: string }> {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new UsageError(`import: ${path} does not exist`);
  }
  if (stats.isFile()) return [{ name: basename(path), content: readFileSync(path, 'utf8') }];
  const names = readdirSync(path).filter((name) => pattern.test(name)).sort();
  if (names.length === 0) throw new UsageError(`import: no files matching ${pattern} in ${path}`);
  return names.map((name) => ({ name, content: readFileSync(join(path, name), 'utf8') }));
}
