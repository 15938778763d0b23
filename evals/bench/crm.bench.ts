import type { Database } from '../../db/database.ts';
import { migrate } from '../../db/migrate/migrate.ts';
import { createOrganization } from '../../tools/access/organizations.ts';
import { createCatalogue } from '../../tools/index.ts';
import { silentLogger } from '../../tools/registry/context.ts';
import { ToolRunner, type Principal } from '../../tools/registry/runner.ts';
import type { Benchmark, Figure } from './harness.ts';
import { medianMs, onEachBackend, timeMs } from './harness.ts';

const CONTACTS = Number(process.env.BENCH_CRM_CONTACTS ?? 100_000);
const DEALS = Number(process.env.BENCH_CRM_DEALS ?? 20_000);
const COMPANIES = Math.max(10, Math.round(CONTACTS / 50));
const RUNS = 5;
/** Matches about one contact in 24 by name (one of the generated first names). */
const SEARCH = 'priya';

const FIRST = ['Ana', 'Ben', 'Chloe', 'Diego', 'Elena', 'Femi', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Liam', 'Mei', 'Nadia', 'Oscar', 'Priya', 'Rafael', 'Sofia', 'Tomas', 'Uma', 'Victor', 'Wen', 'Yara', 'Zoe'];
const LAST = ['Ruiz', 'Okafor', 'Martin', 'Novak', 'Costa', 'Jensen', 'Silva', 'Moreau', 'Khan', 'Berg', 'Rossi', 'Walsh', 'Tanaka', 'Haddad', 'Lindqvist', 'Fischer', 'Reyes'];
const STAGES = ['LEAD', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST'];

/**
 * The floors: the plainest queries giving the same figures, with nothing the tools add (owner and
 * company names, probabilities, currencies, stays per stage, stale deals, primary emails).
 */
const PIPELINE_FLOOR = `SELECT stage, count(*), sum(amount) FROM "Deal" WHERE "organizationId" = $1 AND "isActive" GROUP BY stage`;
const SEARCH_FLOOR = `
  SELECT c.id, c.name FROM "Contact" c
  WHERE c."organizationId" = $1 AND c."isActive" AND (c.name ILIKE $2 OR EXISTS (SELECT 1 FROM "ContactEmail" e WHERE e."organizationId" = c."organizationId" AND e."contactId" = c.id AND e.email LIKE $2))
  ORDER BY c.id DESC LIMIT 51`;
const PAGE_FLOOR = `SELECT c.id, c.name FROM "Contact" c WHERE c."organizationId" = $1 AND c."isActive" ORDER BY c.id DESC LIMIT 51`;

/** pipeline_summary and list_contacts over a large CRM, through the registry, each beside its SQL floor. */
export const crmBench: Benchmark = {
  name: 'crm',
  description:
    `pipeline_summary and list_contacts (search by name; first page unfiltered) over ${CONTACTS.toLocaleString('en-US')} contacts with emails and ${DEALS.toLocaleString('en-US')} deals with their stage changes, ` +
    'through the registry, PGlite and (with BENCH_DATABASE_URL or TEST_DATABASE_URL) Postgres; floors: a GROUP BY stage, the same ILIKE search, the first 51 contacts by id',
  run: () => onEachBackend(measure),
};

async function measure(backend: string, database: Database): Promise<Figure[]> {
  try {
    await migrate(database);
    const organization = await createOrganization(database.prisma, { name: 'Bench', slug: 'bench', ownerEmail: 'owner@bench.test' });
    const principal: Principal = { orgId: organization.id, userId: organization.owner.id, role: 'OWNER', surface: 'CLI' };
    const load = await timeMs(() => writeCrm(database, organization.id, organization.owner.id));
    await database.sql.query('ANALYZE "Company", "Contact", "ContactEmail", "Deal", "DealStageChange"');
    const runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), log: silentLogger });
    const call = async (tool: string, input: Record<string, unknown>, check: (output: any) => string | null) => {
      const result = await runner.call(tool, input, principal);
      if (!result.ok) throw new Error(`${tool}: ${result.error.message}`);
      const problem = check(result.output);
      if (problem) throw new Error(`${tool}: ${problem}`);
    };
    const pattern = `%${SEARCH}%`;
    const floors = {
      pipeline: await medianMs(() => database.sql.query(PIPELINE_FLOOR, [organization.id]), RUNS, 1),
      search: await medianMs(() => database.sql.query(SEARCH_FLOOR, [organization.id, pattern]), RUNS, 1),
      page: await medianMs(() => database.sql.query(PAGE_FLOOR, [organization.id]), RUNS, 1),
    };
    const pipelineMs = await medianMs(() => call('pipeline_summary', {}, (output) => {
      const open = output.open_total.deals + output.won.deals + output.lost.deals;
      return open > 0 ? null : 'no deals counted';
    }), RUNS, 1);
    const searchMs = await medianMs(() => call('list_contacts', { search: SEARCH }, (output) => (output.rows.length === 50 && output.rows.every((row: any) => row.name.toLowerCase().includes(SEARCH) && row.primary_email) ? null : `${output.rows.length} rows for "${SEARCH}"`)), RUNS, 1);
    const pageMs = await medianMs(() => call('list_contacts', {}, (output) => (output.rows.length === 50 && output.next_cursor ? null : `${output.rows.length} rows on the first page`)), RUNS, 1);
    const size = `${CONTACTS.toLocaleString('en-US')} contacts, ${DEALS.toLocaleString('en-US')} deals`;
    return [
      { bench: 'crm', metric: `load ${size}, ${backend}`, value: load.ms / 1000, unit: 's' },
      { bench: 'crm', metric: `pipeline_summary (${DEALS.toLocaleString('en-US')} deals), ${backend}`, value: pipelineMs, unit: 'ms', floor: { value: floors.pipeline, what: 'GROUP BY stage count, sum' } },
      { bench: 'crm', metric: `list_contacts search by name (${CONTACTS.toLocaleString('en-US')} contacts), ${backend}`, value: searchMs, unit: 'ms', floor: { value: floors.search, what: 'the same ILIKE, first 51 by id' } },
      { bench: 'crm', metric: `list_contacts first page (${CONTACTS.toLocaleString('en-US')} contacts), ${backend}`, value: pageMs, unit: 'ms', floor: { value: floors.page, what: 'first 51 by id' } },
    ];
  } finally {
    await database.close();
  }
}

/**
 * The CRM, generated in the database with generate_series: companies, contacts (a primary email
 * each, every fifth a second one), deals spread over every stage and the last 200 days, each with
 * the stage changes that led to its stage.
 */
export async function writeCrm(database: Database, organizationId: string, ownerId: string): Promise<void> {
  const first = `ARRAY[${FIRST.map((name) => `'${name}'`).join(',')}]`;
  const last = `ARRAY[${LAST.map((name) => `'${name}'`).join(',')}]`;
  const stages = `ARRAY[${STAGES.map((stage) => `'${stage}'`).join(',')}]`;
  const statements: Array<[string, unknown[]]> = [
    [`INSERT INTO "Company" (id, "organizationId", name, domain, type, "ownerId", tags, "updatedAt")
      SELECT 'c0000000-0000-7000-8000-' || lpad(i::text, 12, '0'), $1, 'Company ' || i, 'company' || i || '.test',
             (ARRAY['PROSPECT','CLIENT','PARTNER','VENDOR'])[1 + i % 4]::"CompanyType", $2, ARRAY['bench'], now() - make_interval(mins => i)
      FROM generate_series(1, $3::int) i`, [organizationId, ownerId, COMPANIES]],
    [`INSERT INTO "Contact" (id, "organizationId", name, title, "companyId", lifecycle, "ownerId", tags, "updatedAt", "createdAt")
      SELECT 'd0000000-0000-7000-8000-' || lpad(i::text, 12, '0'), $1, (${first})[1 + i % ${FIRST.length}] || ' ' || (${last})[1 + (i / ${FIRST.length}) % ${LAST.length}] || ' ' || i,
             'Manager', 'c0000000-0000-7000-8000-' || lpad((1 + i % $3::int)::text, 12, '0'),
             (ARRAY['SUBSCRIBER','LEAD','MARKETING_QUALIFIED','SALES_QUALIFIED','OPPORTUNITY','CUSTOMER','EVANGELIST','OTHER'])[1 + i % 8]::"LifecycleStage",
             $2, ARRAY['bench'], now() - make_interval(secs => i), now() - make_interval(secs => i)
      FROM generate_series(1, $4::int) i`, [organizationId, ownerId, COMPANIES, CONTACTS]],
    [`INSERT INTO "ContactEmail" (id, "organizationId", "contactId", email, "isPrimary")
      SELECT gen_random_uuid()::text, $1, c.id, lower(split_part(c.name, ' ', 1)) || '.' || right(c.id, 12)::bigint || '@company' || (1 + right(c.id, 12)::bigint % $2::int) || '.test', true
      FROM "Contact" c WHERE c."organizationId" = $1`, [organizationId, COMPANIES]],
    [`INSERT INTO "ContactEmail" (id, "organizationId", "contactId", email, "isPrimary")
      SELECT gen_random_uuid()::text, $1, c.id, 'contact' || right(c.id, 12)::bigint || '@mail.test', false
      FROM "Contact" c WHERE c."organizationId" = $1 AND right(c.id, 12)::bigint % 5 = 0`, [organizationId]],
    // stage index s (0-5) and days since the last change d; closed deals went through negotiation (won) or stopped earlier (lost).
    [`INSERT INTO "Deal" (id, "organizationId", name, "companyId", amount, currency, stage, "stageChangedAt", "expectedCloseDate", "ownerId", "closedAt", "closeReason", "updatedAt", "createdAt")
      SELECT 'e0000000-0000-7000-8000-' || lpad(i::text, 12, '0'), $1, 'Deal ' || i, 'c0000000-0000-7000-8000-' || lpad((1 + i % $3::int)::text, 12, '0'),
             (1000 + (i * 7919) % 59000)::numeric(18, 2), 'USD', (${stages})[1 + i % 6]::"DealStage", now() - make_interval(days => i % 200),
             (now() + make_interval(days => 30 - i % 90))::date, $2,
             CASE WHEN i % 6 >= 4 THEN now() - make_interval(days => i % 200) END, CASE WHEN i % 6 = 5 THEN 'Budget moved' END,
             now() - make_interval(days => i % 200), now() - make_interval(days => i % 200 + 10 * (i % 6) + 5)
      FROM generate_series(1, $4::int) i`, [organizationId, ownerId, COMPANIES, DEALS]],
    [`INSERT INTO "DealStageChange" (id, "organizationId", "dealId", "fromStage", "toStage", "changedById", "changedAt")
      SELECT gen_random_uuid()::text, $1, 'e0000000-0000-7000-8000-' || lpad(i::text, 12, '0'),
             CASE WHEN s = 0 THEN NULL ELSE (${stages})[least(s, 4)]::"DealStage" END, (${stages})[1 + CASE WHEN s = least(i % 6, 4) THEN i % 6 ELSE s END]::"DealStage",
             $2, now() - make_interval(days => i % 200 + 10 * (least(i % 6, 4) - s))
      FROM generate_series(1, $3::int) i, generate_series(0, least(i % 6, 4)) s`, [organizationId, ownerId, DEALS]],
  ];
  for (const [sql, params] of statements) await database.sql.query(sql, params);
}
