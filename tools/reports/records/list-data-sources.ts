import { z } from 'zod';
import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { UnifiedSourceCategory } from '../../../db/generated/prisma/enums.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { fromStoredCategory, SOURCE_CATEGORIES } from './record-source.ts';
import { describeFields, FIELD_TYPES } from './payload-fields.ts';

const DEFAULT_SAMPLE = 200;

export const listDataSources = defineTool({
  name: 'list_data_sources',
  title: 'Data sources and their fields',
  description:
    'The data sources imported as unified records: category, record count, first and last recorded_at, and the payload fields seen in recent records ' +
    '(path, type, an example): what a custom metric can name as payload.<path>. Money fields are in the base currency.',
  area: 'reports',
  access: 'read',
  permission: 'reports:read',
  input: z.object({
    data_source: z.string().trim().toLowerCase().max(64).optional().describe('Only this source.'),
    sample: z.int().min(1).max(2_000).default(DEFAULT_SAMPLE).describe('How many of each source\'s most recent records to read the fields from.'),
  }),
  output: z.object({
    base_currency: z.string().describe('The currency of every money field.'),
    data_sources: z.array(
      z.object({
        data_source: z.string(),
        category: z.enum(SOURCE_CATEGORIES),
        records: z.int().min(0),
        first_recorded_at: z.string(),
        last_recorded_at: z.string(),
        fields: z
          .array(
            z.object({
              path: z.string().describe('Name it in a metric as payload.<path>.'),
              type: z.enum(FIELD_TYPES).describe('The type most sampled records give it.'),
              example: z.union([z.string(), z.number(), z.boolean()]).nullable().describe('Its value in the most recent sampled record that has it (null for objects).'),
              seen_in: z.int().min(0).describe('Sampled records that have it.'),
            }),
          )
          .describe('By path.'),
        sampled: z.int().min(0).describe('Records the fields were read from.'),
      }),
    ),
  }),
  example: {},
  async handler(ctx, input) {
    const sources = await ctx.db.$queryRaw<Array<{ data_source: string; category: UnifiedSourceCategory; records: number; first: Date; last: Date }>>(Prisma.sql`
      SELECT "dataSource" AS data_source, max("sourceCategory"::text) AS category, count(*)::int AS records, min("recordedAt") AS first, max("recordedAt") AS last
      FROM "UnifiedRecord"
      WHERE "organizationId" = ${ctx.orgId} ${input.data_source ? Prisma.sql`AND "dataSource" = ${input.data_source}` : Prisma.empty}
      GROUP BY "dataSource" ORDER BY "dataSource"`);
    const dataSources = [];
    for (const source of sources) {
      const sample = await ctx.db.unifiedRecord.findMany({
        where: { dataSource: source.data_source },
        orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }],
        take: input.sample,
        select: { payload: true },
      });
      dataSources.push({
        data_source: source.data_source,
        category: fromStoredCategory(source.category),
        records: source.records,
        first_recorded_at: new Date(source.first).toISOString(),
        last_recorded_at: new Date(source.last).toISOString(),
        fields: describeFields(sample.map((record) => record.payload)),
        sampled: sample.length,
      });
    }
    return { base_currency: ctx.org.baseCurrency, data_sources: dataSources };
  },
});
