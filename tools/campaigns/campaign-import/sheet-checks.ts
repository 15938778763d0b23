import type { ToolContext } from '../../registry/context.ts';
import type { LinedRow } from '../../imports/csv-import.ts';
import { campaignKey, nameKey, type CampaignRow } from './campaign-row.ts';
import { loadCampaignDirectory } from './campaign-directory.ts';

type Problem = { line: number; reason: string };

/** Campaign-level values every row of one campaign must agree on (they are stored once, on the campaign). */
const SHARED_COLUMNS = [
  { column: 'artist', value: (row: CampaignRow) => nameKey(row.artist) },
  { column: 'currency', value: (row: CampaignRow) => row.currency },
  { column: 'salesperson', value: (row: CampaignRow) => (row.salesperson === null ? null : nameKey(row.salesperson)) },
] as const;

/**
 * What a file's rows contradict, each by line and column: rows of one campaign that disagree on
 * its artist, currency or salesperson; vendors that are not the organisation's (a typo must not
 * create a vendor nobody registered playlists for) or are archived; archived clients; and stored
 * campaigns whose artist or currency the rows contradict.
 */
export async function campaignSheetProblems(ctx: ToolContext, rows: ReadonlyArray<LinedRow<CampaignRow>>): Promise<Problem[]> {
  const problems: Problem[] = [...disagreements(rows)];
  const directory = await loadCampaignDirectory(ctx, rows.map((lined) => lined.row));
  for (const { row, line } of rows) {
    const vendor = directory.vendor(row.vendor);
    if (!vendor) problems.push({ line, reason: `vendor "${row.vendor}" is not one of this organisation's vendors (names match ignoring case; create it with create_vendor first)` });
    else if (!vendor.isActive) problems.push({ line, reason: `vendor "${row.vendor}" is archived; restore it with update_vendor is_active: true, or name another vendor` });
    const client = directory.client(row.client);
    if (client && !client.isActive) problems.push({ line, reason: `client "${row.client}" is archived; restore it with update_client is_active: true` });
    const campaigns = client ? directory.campaigns(client.id, row.campaign) : [];
    if (campaigns.length > 1) {
      problems.push({ line, reason: `campaign "${row.campaign}" names ${campaigns.length} campaigns of client "${row.client}"; rename one (update_campaign) so the sheet names one` });
      continue;
    }
    const stored = campaigns[0];
    if (stored && nameKey(stored.artistName) !== nameKey(row.artist)) problems.push({ line, reason: `artist "${row.artist}" differs from the stored campaign's artist "${stored.artistName}"` });
    if (stored && row.currency && row.currency !== stored.currency) problems.push({ line, reason: `currency ${row.currency} differs from the stored campaign's currency ${stored.currency}` });
  }
  return problems.sort((first, second) => first.line - second.line);
}

function* disagreements(rows: ReadonlyArray<LinedRow<CampaignRow>>): Generator<Problem> {
  const first = new Map<string, LinedRow<CampaignRow>>();
  for (const lined of rows) {
    const key = campaignKey(lined.row);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, lined);
      continue;
    }
    for (const shared of SHARED_COLUMNS) {
      if (shared.value(lined.row) !== shared.value(earlier.row)) {
        yield { line: lined.line, reason: `${shared.column} differs from line ${earlier.line} for the same campaign "${lined.row.campaign}" of "${lined.row.client}"` };
      }
    }
  }
}
