import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { IMPORT_KINDS as AREA_IMPORT_KINDS, type ImportKind } from '../../tools/imports/import-kinds.ts';
import { CREATOR_IMPORT_KIND } from '../../tools/creators/records/import-creators.ts';
import { cliPrincipal } from '../command-context.ts';
import type { Runtime } from '../runtime.ts';
import { commandUsage } from '../command-catalogue.ts';
import { parseOptions, UsageError } from '../usage.ts';
import { reportResult } from './call.ts';
import { InProcessJobQueue } from '../../jobs/in-process-queue.ts';
import type { ToolResult } from '../../tools/registry/runner.ts';
import type { AttachedServer } from '../attached-server.ts';
import type { Command } from '../command-catalogue.ts';
import { EXIT_USAGE } from '../exit-codes.ts';

/** The kinds tools/imports lists, and creators (their CSV of creators with platforms). */
const IMPORT_KINDS: Record<string, ImportKind> = { ...AREA_IMPORT_KINDS, creators: CREATOR_IMPORT_KIND };

/** How the import reaches the tools: this process's runner, or the running server's tool API. */
interface ImportBackend {
  call(tool: string, input: unknown): Promise<ToolResult>;
  /** A failed attempt may still be retried by a job this process runs. */
  retryPending(): boolean;
}

export const importCommandEntry: Command = {
  async run(runtime: Runtime, args: string[]) {
    const request = parseImport(args);
    const principal = await cliPrincipal(runtime, request.identity);
    return importFiles(request, {
      call: (tool, input) => runtime.runner.call(tool, input, principal),
      retryPending: () => runtime.jobs instanceof InProcessJobQueue && runtime.jobs.active > 0,
    });
  },
  // The server runs a big import's job itself; this process only waits for it.
  attached: (server: AttachedServer, args: string[]) => {
    const request = parseImport(args);
    return importFiles(request, { call: (tool, input) => server.callTool(request.identity, tool, input), retryPending: () => false });
  },
};

function parseImport(args: string[]) {
  // Every kind's own flags are known to the parser; a kind refuses the ones that are not its own.
  const kindFlags = Object.fromEntries(Object.values(IMPORT_KINDS).flatMap((kind) => Object.keys(kind.flags ?? {})).map((flag) => [flag, { type: 'string' as const }]));
  const { values, positionals } = parseOptions(args, { ...kindFlags, org: { type: 'string' }, as: { type: 'string' }, 'dry-run': { type: 'boolean' } }, true);
  const [kindName, path] = positionals;
  const kinds = Object.keys(IMPORT_KINDS);
  const available = kinds.length ? kinds.join(', ') : 'none yet';
  if (!kindName || !path) throw new UsageError(`${commandUsage('import')} (kinds: ${available})`);
  const kind = IMPORT_KINDS[kindName];
  if (!kind) throw new UsageError(`import: unknown kind "${kindName}" (kinds: ${available})`);
  const extra = kindInput(kindName, kind, values as Record<string, string | boolean | undefined>);
  return { kind, extra, files: readFiles(path, kind.filePattern), dryRun: values['dry-run'] ?? false, identity: { org: values.org, as: values.as } };
}

/** The kind's own flags as its tool's input fields (`--source meta_ads` -> data_source); others' flags are usage errors. */
function kindInput(kindName: string, kind: ImportKind, values: Record<string, string | boolean | undefined>): Record<string, unknown> {
  const own = kind.flags ?? {};
  const foreign = Object.values(IMPORT_KINDS).flatMap((other) => Object.keys(other.flags ?? {})).filter((flag) => !(flag in own) && values[flag] !== undefined);
  if (foreign.length) throw new UsageError(`import ${kindName}: --${foreign[0]} is not a flag of this kind`);
  const input: Record<string, unknown> = {};
  for (const [flag, field] of Object.entries(own)) {
    const value = values[flag];
    if (typeof value !== 'string' || value === '') {
      if (field.required) throw new UsageError(`import ${kindName}: --${flag} is required (${kind.description})`);
      continue;
    }
    input[field.input] = field.list ? value.split(',').map((item) => item.trim()).filter(Boolean) : value;
  }
  return input;
}

async function importFiles(request: ReturnType<typeof parseImport>, backend: ImportBackend): Promise<number> {
  const { kind, extra, files, dryRun, identity } = request;
  const called = await backend.call(kind.tool, { files, ...extra, ...(dryRun ? { dry_run: true } : {}) });
  const result = called.ok && isQueued(called.output) ? await waitForImport(backend, identity.org ?? '', called.output.import_id) : called;
  const exitCode = reportResult(result);
  if (!result.ok) return exitCode;
  for (const warning of (result.output as { warnings?: string[] }).warnings ?? []) process.stderr.write(`import: warning: ${warning}\n`);
  // The good files were stored, but a script must be able to tell that some were not.
  const output = result.output as { files_rejected?: number; rejected?: number };
  const rejected = output.files_rejected ?? output.rejected ?? 0;
  if (rejected === 0) return exitCode;
  const stored = dryRun ? 'a dry run stores nothing' : `nothing stored from ${rejected === 1 ? 'it' : 'them'}`;
  process.stderr.write(`import: ${rejected} of ${files.length} file${files.length === 1 ? '' : 's'} rejected, ${stored}; see "errors" above\n`);
  return EXIT_USAGE;
}

const POLL_MS = 1_000;

function isQueued(output: unknown): output is { status: 'queued'; import_id: string } {
  const queued = output as { status?: string; import_id?: unknown };
  return queued.status === 'queued' && typeof queued.import_id === 'string';
}

/**
 * A big import runs as a job (in this process: one-shot commands run their jobs in-process); wait
 * for it, telling stderr how far it has got, and answer with its outcome as if it had run inline.
 */
async function waitForImport(backend: ImportBackend, org: string, importId: string): Promise<ToolResult> {
  let lastMessage = '';
  for (;;) {
    const state = await backend.call('get_import', { import_id: importId });
    if (!state.ok) return state;
    const { status, message, error, result } = state.output as { status: string; message: string | null; error: string | null; result: unknown };
    if (message && message !== lastMessage) process.stderr.write(`import: ${message}\n`);
    lastMessage = message ?? lastMessage;
    if (status === 'done') return { ok: true, output: result };
    if (status === 'failed' && !backend.retryPending()) {
      const resume = `crescendo call run_import --org ${org} --input '{"import_id":"${importId}"}'`;
      return { ok: false, error: { code: 'internal', message: `The import stopped: ${error ?? 'unknown error'}. Rows stored so far are kept; resume it with: ${resume}` } };
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
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
