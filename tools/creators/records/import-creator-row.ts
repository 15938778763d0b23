import { isWebLink } from '../../common/link-input.ts';
import { type CsvRow, RowError } from '../../imports/csv-row.ts';
import { emailCell, listCell } from '../../crm/imports/import-cells.ts';
import { NETWORKS, type Network } from '../networks.ts';
import { type Figure, type Figures, normalizeHandle } from './creator-inputs.ts';
import { countryCode, languageCode } from './iso-codes.ts';

/** Per-network columns: <network>_handle, <network>_url and the figures. */
export const PLATFORM_COLUMNS = ['handle', 'url', 'followers', 'following', 'engagement_rate', 'average_views', 'average_likes', 'average_comments', 'posts_count'] as const;
const COUNT_COLUMNS = ['followers', 'following', 'average_views', 'average_likes', 'average_comments', 'posts_count'] as const satisfies readonly Figure[];

export const CREATOR_COLUMNS = { required: ['name', 'handle'], optional: ['email', 'country', 'languages', 'niches', 'genres', 'bio', 'commission_rate', 'notes'] } as const;

export interface CreatorImportRow {
  name: string;
  email: string | null;
  handle: string;
  country: string | null;
  languages: string[] | null;
  niches: string[] | null;
  genres: string[] | null;
  bio: string | null;
  commissionRate: number | null;
  notes: string | null;
  platforms: Array<{ network: Network; handle?: string; url?: string; figures: Figures }>;
}

/** Whether a header column is known: a creator column or <network>_<platform column>. */
export function isCreatorColumn(column: string): boolean {
  if ((CREATOR_COLUMNS.required as readonly string[]).includes(column) || (CREATOR_COLUMNS.optional as readonly string[]).includes(column)) return true;
  return NETWORKS.some((network) => PLATFORM_COLUMNS.some((field) => column === `${network}_${field}`));
}

/** One CSV record as a creator with platforms; empty cells are null (an update leaves them as stored). */
export function readCreatorRow(row: CsvRow): CreatorImportRow {
  const name = row.text('name');
  if (name.length > 200) throw new RowError('name is longer than 200 characters');
  const handleText = row.text('handle');
  const handle = normalizeHandle(handleText);
  if (!handle) throw new RowError(`handle "${handleText}" is not a handle (letters, digits, ".", "_" or "-", an optional "@")`);
  const email = row.text('email', { optional: true });
  const countryText = row.text('country', { optional: true });
  const country = countryText === null ? null : countryCode(countryText);
  if (countryText !== null && country === null) throw new RowError(`country "${countryText}" is not an ISO 3166-1 alpha-2 code (such as US, GB, ES)`);
  const languages = row.has('languages')
    ? listCell(row, 'languages').map((text) => {
        const code = languageCode(text);
        if (!code) throw new RowError(`languages "${text}" is not an ISO 639-1 code (such as en, es, pt)`);
        return code;
      })
    : null;
  const labels = (column: string) => (row.has(column) ? [...new Set(listCell(row, column).map((label) => label.toLocaleLowerCase('en')))] : null);
  return {
    name,
    email: email === null ? null : emailCell(email, 'email'),
    handle,
    country,
    languages: languages && [...new Set(languages)],
    niches: labels('niches'),
    genres: labels('genres'),
    bio: row.text('bio', { optional: true }),
    commissionRate: shareCell(row, 'commission_rate'),
    notes: row.text('notes', { optional: true }),
    platforms: NETWORKS.flatMap((network) => platformOf(row, network)),
  };
}

function platformOf(row: CsvRow, network: Network): CreatorImportRow['platforms'] {
  const column = (field: string) => `${network}_${field}`;
  if (!PLATFORM_COLUMNS.some((field) => row.has(column(field)))) return [];
  const handleText = row.text(column('handle'), { optional: true });
  const handle = handleText === null ? undefined : normalizeHandle(handleText);
  if (handle === null) throw new RowError(`${column('handle')} "${handleText}" is not a handle`);
  const url = row.text(column('url'), { optional: true }) ?? undefined;
  if (url !== undefined && !isWebLink(url)) throw new RowError(`${column('url')} "${url}" is not an http:// or https:// link`);
  const figures: Figures = {};
  for (const figure of COUNT_COLUMNS) if (row.has(column(figure))) figures[figure] = row.integer(column(figure), { min: 0 });
  const engagement = shareCell(row, column('engagement_rate'));
  if (engagement !== null) figures.engagement_rate = engagement;
  return [{ network, handle, url, figures }];
}

/** A share 0..1 written as 0.042 or as a percentage, 4.2%; null when empty. */
export function shareCell(row: CsvRow, column: string): number | null {
  const text = row.text(column, { optional: true });
  if (text === null) return null;
  const percent = text.endsWith('%');
  const digits = percent ? text.slice(0, -1).trim() : text;
  if (!/^\d+(?:\.\d+)?$/.test(digits)) throw new RowError(`${column} "${text}" is not a share (0.042) or a percentage (4.2%)`);
  const value = percent ? Number(digits) / 100 : Number(digits);
  if (value > 1) throw new RowError(`${column} "${text}" is over 1: write a share (0.042) or a percentage (4.2%)`);
  return Number(value.toFixed(6));
}
