import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { isoDate } from '../../tools/common/format.ts';
import { IMPORT_KINDS } from '../../tools/imports/import-kinds.ts';
import { defineJob, jobKey, type JobDeps } from '../define-job.ts';
import { callTool } from '../job-principal.ts';

interface IngestOutput {
  files: number;
  loaded: number;
  unchanged: number;
  rejected: number;
  errors: Array<{ file: string; reason: string }>;
}

/** Files per tool call: one transaction each, so a huge drop does not become one huge transaction. */
const BATCH = 200;
export const PROCESSED_FOLDER = 'processed';
export const REJECTED_FOLDER = 'rejected';

/**
 * Loads the scraper files waiting in `<CRESCENDO_INGEST_DIR>/<org-slug>/` through
 * `ingest_scraped_data`, then moves each file to `processed/` (stored or already stored) or
 * `rejected/` (with the reason in the log and an alert), so the next run only sees new files.
 * The tool is idempotent too, so a crash between storing and moving changes nothing on the re-run.
 */
export const ingestScrapedJob = defineJob({
  name: 'ingest.scraped',
  description: "Import the scraper files dropped in the organisation's ingestion folder.",
  payload: z.object({ organizationId: z.string().min(1), date: isoDate.describe('The day of the run (for the key).') }),
  attempts: 4,
  backoffMs: 60_000,
  key: (payload) => jobKey('ingest.scraped', payload.organizationId, payload.date),
  async run(deps, payload) {
    const folder = await organizationFolder(deps, payload.organizationId);
    if (!folder) return { files: 0, skipped: 'CRESCENDO_INGEST_DIR is not set' };
    const names = await waitingFiles(folder);
    const totals = { files: names.length, loaded: 0, unchanged: 0, rejected: 0 };
    const errors: IngestOutput['errors'] = [];
    for (let start = 0; start < names.length; start += BATCH) {
      const batch = names.slice(start, start + BATCH);
      const files = await Promise.all(batch.map(async (name) => ({ name, content: await readFile(join(folder, name), 'utf8') })));
      const output = await callTool<IngestOutput>(deps, payload.organizationId, 'ingest_scraped_data', { files });
      totals.loaded += output.loaded;
      totals.unchanged += output.unchanged;
      totals.rejected += output.rejected;
      errors.push(...output.errors);
      await moveAll(folder, batch, new Set(output.errors.map((error) => error.file)));
    }
    if (errors.length > 0) {
      deps.log.warn('scraper files rejected', { organizationId: payload.organizationId, errors });
      await deps.notifier.alerts(payload.organizationId, {
        title: `Scraper import, ${payload.date}`,
        summary: `${totals.rejected} of ${totals.files} scraper files were rejected and moved to ${REJECTED_FOLDER}/; the others were loaded.`,
        sections: [{ heading: 'Rejected files', lines: errors.map((error) => `${error.file}: ${error.reason}`) }],
      });
    }
    return totals;
  },
});

/** `<dir>/<slug>`; slugs are lower-case letters, digits and hyphens, so they are safe folder names. */
async function organizationFolder(deps: JobDeps, organizationId: string): Promise<string | null> {
  if (!deps.ingestDir) return null;
  const organization = await deps.prisma.organization.findUnique({ where: { id: organizationId }, select: { slug: true } });
  if (!organization) throw new Error(`No organisation ${organizationId}`);
  return join(deps.ingestDir, organization.slug);
}

async function waitingFiles(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries.filter((entry) => entry.isFile() && IMPORT_KINDS.scraped!.filePattern.test(entry.name)).map((entry) => entry.name).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function moveAll(folder: string, names: string[], rejected: ReadonlySet<string>): Promise<void> {
  await mkdir(join(folder, PROCESSED_FOLDER), { recursive: true });
  await mkdir(join(folder, REJECTED_FOLDER), { recursive: true });
  for (const name of names) await rename(join(folder, name), join(folder, rejected.has(name) ? REJECTED_FOLDER : PROCESSED_FOLDER, name));
}
