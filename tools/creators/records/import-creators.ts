import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { csvImportOutput, defineCsvImport, type LinedRow } from '../../imports/csv-import.ts';
import type { ImportKind } from '../../imports/import-kinds.ts';
import { actorName } from '../../crm/timeline/actor-name.ts';
import { recordActivity } from '../../crm/timeline/record-activity.ts';
import { refreshSearchDocuments } from '../search/search-document.ts';
import { toDbNetwork } from '../networks.ts';
import { CREATOR_COLUMNS, type CreatorImportRow, isCreatorColumn, PLATFORM_COLUMNS, readCreatorRow } from './import-creator-row.ts';
import { storeCreatorRows } from './import-creator-store.ts';
import { isSynced, syncedPhrase } from './platform-view.ts';

const PLATFORM_COLUMN_TEXT = `<network>_${PLATFORM_COLUMNS.join(', <network>_')}`;

/** `crescendo import creators FILE`. */
export const CREATOR_IMPORT_KIND: ImportKind = {
  tool: 'import_creators',
  filePattern: /\.csv$/i,
  description: `${CREATOR_COLUMNS.required.join(',')},${CREATOR_COLUMNS.optional.map((name) => `${name}?`).join(',')}, per network ${PLATFORM_COLUMN_TEXT.replace(/, /g, '?,')}?`,
};

export interface KeptSynced { file_line: number; handle: string; network: string; reason: string }

/** Figures a file gave for platforms Phyllo syncs (left as synced), noted while checking, by call. */
const keptSyncedByCall = new WeakMap<object, KeptSynced[]>();

const csvImport = defineCsvImport<CreatorImportRow>({
  name: 'import_creators',
  title: 'Import creators (CSV)',
  description:
    'Adds or updates creators with their platforms, one per row, keyed by handle: a handle already stored updates that creator (empty cells leave stored values as they are; the contact keeps its name), never a duplicate. email links a new creator to the contact who has that address, else a new contact named name is made. languages, niches and genres are separated by ";"; engagement_rate and commission_rate are 0.042 or 4.2%. ' +
    'Imported figures are kept in the growth history; a platform Phyllo syncs keeps its synced figures (listed in kept_synced).',
  area: 'creators',
  permission: 'creators:write',
  columns: { ...CREATOR_COLUMNS, others: `only these per network: ${PLATFORM_COLUMN_TEXT}, e.g. tiktok_followers` },
  exampleCsv: 'name,email,handle,country,languages,niches,genres,tiktok_handle,tiktok_followers,tiktok_engagement_rate\nMara Lopez,mara@beats.example,@mara.beats,ES,es;en,dance,reggaeton,mara.beats,250000,6.1%\n',
  read: (row) => readCreatorRow(row),
  naturalKey: { of: (row) => row.handle, describe: (row) => `handle @${row.handle}`, replacesStored: true },
  async prepareFile(_ctx, rows, _options, header) {
    const unknown = header.filter((column) => !isCreatorColumn(column));
    if (unknown.length) {
      return [{ line: 1, reason: `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')} (creator columns: ${[...CREATOR_COLUMNS.required, ...CREATOR_COLUMNS.optional].join(', ')}; per network: ${PLATFORM_COLUMN_TEXT})` }];
    }
    // An address names one contact, and a contact is one creator.
    const problems: Array<{ line: number; reason: string }> = [];
    const lineOf = new Map<string, LinedRow<CreatorImportRow>>();
    for (const lined of rows) {
      if (!lined.row.email) continue;
      const first = lineOf.get(lined.row.email);
      if (first) problems.push({ line: lined.line, reason: `email ${lined.row.email} is also on line ${first.line} (@${first.row.handle}); one person is one creator` });
      else lineOf.set(lined.row.email, lined);
    }
    return problems;
  },
  async conflictsWithStored(ctx, rows) {
    const problems: Array<{ line: number; reason: string }> = [];
    const kept: KeptSynced[] = [];
    const creators = await ctx.db.creator.findMany({
      where: { handle: { in: rows.map(({ row }) => row.handle) } },
      select: { handle: true, contactId: true, contact: { select: { name: true } }, platforms: { select: { network: true, connection: true, phylloAccountId: true, lastSyncedAt: true } } },
    });
    const byHandle = new Map(creators.map((creator) => [creator.handle, creator]));
    const emails = rows.map(({ row }) => row.email).filter((email): email is string => email !== null);
    const owners = emails.length
      ? await ctx.db.contactEmail.findMany({ where: { email: { in: emails } }, select: { email: true, contactId: true, contact: { select: { name: true, mergedIntoId: true } } } })
      : [];
    const ownerOf = new Map(owners.map((owner) => [owner.email, owner]));
    const creatorOfContact = new Map(
      (await ctx.db.creator.findMany({ where: { contactId: { in: owners.map((owner) => owner.contactId) } }, select: { contactId: true, handle: true } })).map((creator) => [creator.contactId, creator.handle]),
    );
    for (const { line, row } of rows) {
      const creator = byHandle.get(row.handle);
      const owner = row.email ? ownerOf.get(row.email) : undefined;
      if (creator && owner && owner.contactId !== creator.contactId) {
        problems.push({ line, reason: `email ${row.email} belongs to contact '${owner.contact.name}', but @${row.handle} is the creator of contact '${creator.contact.name}'` });
      } else if (!creator && owner && creatorOfContact.has(owner.contactId)) {
        problems.push({ line, reason: `email ${row.email} belongs to contact '${owner.contact.name}', already creator @${creatorOfContact.get(owner.contactId)}; use that handle to update them` });
      } else if (!creator && owner?.contact.mergedIntoId) {
        problems.push({ line, reason: `email ${row.email} belongs to contact '${owner.contact.name}', merged into another contact` });
      }
      for (const platform of row.platforms) {
        const stored = creator?.platforms.find((candidate) => candidate.network === toDbNetwork(platform.network));
        if (stored && isSynced(stored) && Object.keys(platform.figures).length) {
          kept.push({ file_line: line, handle: row.handle, network: platform.network, reason: `${syncedPhrase(stored)}: the file's figures were not used` });
        }
      }
    }
    // A rejected file stores nothing, so only an accepted one's figures are said to be left out.
    if (!problems.length) keptSyncedByCall.set(ctx, [...(keptSyncedByCall.get(ctx) ?? []), ...kept]);
    return problems;
  },
  async store(ctx, rows) {
    const stored = await storeCreatorRows(ctx, rows);
    await refreshSearchDocuments(ctx.db, ctx.orgId, stored.touched, { jobs: ctx.jobs });
    await timeline(ctx, stored.created, 'creator_imported', 'imported');
    await timeline(ctx, stored.updated, 'creator_updated', 'updated from a CSV file');
    return { inserted: stored.inserted, replaced: stored.replaced };
  },
});

async function timeline(ctx: ToolContext, creators: ReadonlyArray<{ contactId: string; handle: string }>, kind: string, verb: string): Promise<void> {
  if (!creators.length) return;
  const what = creators.length === 1 ? `creator @${creators[0]!.handle}` : `${creators.length} creators`;
  await recordActivity(ctx, {
    subjects: creators.map((creator) => ({ type: 'contact' as const, id: creator.contactId })),
    kind,
    summary: `${await actorName(ctx)} ${verb} ${what}${verb === 'imported' ? ' from a CSV file' : ''}`,
    data: { creators: creators.length },
  });
}

export const importCreators = defineTool({
  ...csvImport,
  keywords: ['influencers spreadsheet', 'bulk add creators', 'upload creators', 'media kits'],
  output: csvImportOutput.extend({
    kept_synced: z
      .array(z.object({ file_line: z.int(), handle: z.string(), network: z.string(), reason: z.string() }))
      .describe('Rows whose figures were left out because Phyllo syncs that platform (the rest of the row was used).'),
  }),
  async handler(ctx, input) {
    const result = await csvImport.handler(ctx, input);
    const kept = keptSyncedByCall.get(ctx) ?? [];
    keptSyncedByCall.delete(ctx);
    return { ...result, kept_synced: result.status === 'queued' ? [] : kept };
  },
});
