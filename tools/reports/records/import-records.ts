import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { ToolError, type FieldIssue } from '../../registry/errors.ts';
import { convertMoney, type PreparedRecord, type RecordProblem } from './convert-money.ts';
import { cleanPayload, moneyFieldsInput, moneyFieldTest } from './record-fields.ts';
import { isProblem, readRecordHead } from './read-record.ts';
import { dataSourceName, resolveSourceCategory, SOURCE_CATEGORIES, sourceCategoryInput } from './record-source.ts';
import { classifyRecords, storeRecords } from './store-records.ts';

/** Problems listed in one error; the count of the rest is said. */
const LISTED_PROBLEMS = 20;
const MAX_RECORDS = 200_000;
const key = z.string().max(500).nullish();

const recordInput = z
  .looseObject({
    source_record_id: z.union([z.string().min(1).max(500), z.int()]).describe('The source\'s own id: the same id from the same data_source again is the same record (updated if changed).'),
    recorded_at: z.string().min(1).max(64).describe('ISO 8601 date-time (format: date-time); with an offset it is kept, without one it is the organisation\'s local time; a bare date is local midnight.'),
    campaign_key: key.describe('The campaign it belongs to, as the source names it.'),
    customer_key: key.describe('The customer it belongs to.'),
    asset_key: key.describe('The asset (track, ad, product) it is about.'),
    currency: z.string().max(3).nullish().describe('ISO 4217 currency of its money fields; default the organisation\'s base currency.'),
  })
  .describe('One record; every other field (names of letters, digits and _; nested objects allowed) is stored in its payload.');

export const importRecordsInput = z.object({
  data_source: dataSourceName.describe('Where the records come from, lower snake case: meta_ads, google_ads, shopify, stripe, crm_hubspot, ...'),
  source_category: sourceCategoryInput.optional().describe('Default: what the source\'s stored records have, else inferred from well-known names (*_ads, shopify, crm_*, ...).'),
  records: z.array(recordInput).min(1).max(MAX_RECORDS).describe(`Up to ${MAX_RECORDS.toLocaleString('en')} records.`),
  money_fields: moneyFieldsInput.optional(),
  dry_run: z.boolean().default(false).describe('Check every record and count what would change, storing nothing.'),
});

export const importRecordsOutput = z.object({
  data_source: z.string(),
  source_category: z.enum(SOURCE_CATEGORIES),
  inserted: z.int().min(0).describe('New records.'),
  updated: z.int().min(0).describe('Stored records (same source_record_id) whose fields changed: late corrections.'),
  unchanged: z.int().min(0).describe('Stored records sent again as they were.'),
  first_recorded_at: z.string().describe('Earliest recorded_at of the call (UTC).'),
  last_recorded_at: z.string(),
  converted_currencies: z.array(z.string()).describe('Currencies whose money fields were converted to the base currency at each record\'s own day\'s rate.'),
  dry_run: z.boolean(),
});

export const importRecords = defineTool({
  name: 'import_records',
  title: 'Import records from any source',
  description:
    'Stores records of any data source (ads, shop, CRM exports) as unified records that reports and custom metrics read (payload.<field>). ' +
    'Money fields in another currency are converted to the base currency at the rate of the record\'s local date, originals kept. ' +
    'Same data_source + source_record_id again: unchanged, or updated when it differs. All or nothing: a bad record stores nothing and is named by position.',
  area: 'reports',
  access: 'write',
  permission: 'reports:write',
  input: importRecordsInput,
  output: importRecordsOutput,
  hints: { idempotent: true, destructive: true },
  keywords: ['upload data', 'unified records', 'custom data', 'external data'],
  transactionTimeoutMs: 10 * 60_000,
  example: { data_source: 'meta_ads', records: [{ source_record_id: 'ad-1-2026-10-01', recorded_at: '2026-10-01', campaign_key: 'autumn', spend: 120.5, clicks: 340 }] },
  async handler(ctx, input) {
    const category = await resolveSourceCategory(ctx.db, input.data_source, input.source_category);
    const { records, issues } = readRecords(input.records, ctx.org.timeZone);
    if (issues.length) throw recordsError(issues);
    const { problems, converted } = await convertMoney(ctx, records, moneyFieldTest(input.money_fields));
    if (problems.length) throw recordsError(problems.map(issueOf));
    const target = { dataSource: input.data_source, category };
    const counts = input.dry_run ? await classifyRecords(ctx, target, records) : await storeRecords(ctx, target, records);
    const times = records.map((record) => record.recordedAt.getTime());
    return {
      data_source: input.data_source,
      source_category: category,
      ...counts,
      first_recorded_at: new Date(Math.min(...times)).toISOString(),
      last_recorded_at: new Date(Math.max(...times)).toISOString(),
      converted_currencies: converted,
      dry_run: input.dry_run,
    };
  },
});

type RecordInput = z.output<typeof recordInput>;

/** Checks every record (each problem by position); the same source_record_id twice names both. */
function readRecords(inputs: readonly RecordInput[], timeZone: string): { records: PreparedRecord[]; issues: FieldIssue[] } {
  const records: PreparedRecord[] = [];
  const issues: FieldIssue[] = [];
  const firstPosition = new Map<string, number>();
  inputs.forEach((input, index) => {
    const { source_record_id, recorded_at, campaign_key, customer_key, asset_key, currency, ...fields } = input;
    const cleaned = cleanPayload(fields);
    if ('problem' in cleaned) return issues.push(issueOf({ index, ...cleaned.problem }));
    const head = { source_record_id: String(source_record_id), recorded_at, campaign_key, customer_key, asset_key, currency };
    const record = readRecordHead(head, cleaned.payload, timeZone);
    if (isProblem(record)) return issues.push(issueOf({ index, ...record }));
    const first = firstPosition.get(record.sourceRecordId);
    if (first !== undefined) {
      return issues.push(issueOf({ index, field: 'source_record_id', message: `"${record.sourceRecordId}" repeats records[${first}]; send each record once per call` }));
    }
    firstPosition.set(record.sourceRecordId, index);
    records.push(record);
  });
  return { records, issues };
}

const issueOf = (problem: RecordProblem): FieldIssue => ({ path: `records[${problem.index}].${problem.field}`, message: problem.message });

function recordsError(issues: FieldIssue[]): ToolError {
  const listed = issues.slice(0, LISTED_PROBLEMS);
  const more = issues.length > listed.length ? `; and ${issues.length - listed.length} more` : '';
  return new ToolError('invalid_input', `${listed.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}${more}. Nothing was stored.`, listed);
}

