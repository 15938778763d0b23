import type { ToolRunner } from '../../registry/runner.ts';
import type { TestOrganization } from '../../testing/fixtures.ts';

/**
 * Hand-checkable journeys (organisation in UTC, base USD, lookback 30 days, half-life 7 days); the
 * expected credit per model is worked out in journey-scenario.md.
 *  A: meta Oct 1, email Oct 8, google Oct 15 00:00 = the conversion instant (included) -> 100
 *  B: tiktok Oct 6, meta Oct 13 -> conversion Oct 13 (two touches) -> 50
 *  C: email Oct 14 -> conversion Oct 14 12:00 (one touch) -> 20
 *  D: meta Sep 1 (before the window), google Oct 20 (after the conversion) -> conversion Oct 15 -> 30, (direct)
 *  E: tiktok Oct 1 -> conversion Oct 2 -> 10; email Oct 8 -> conversion Oct 8 -> 40 (converts twice; tiktok is in both windows)
 *  F: google and meta at the same instant Oct 9 10:00, imported in that order -> conversion Oct 9 11:00 -> 60
 */
export const SCENARIO_TOUCHPOINTS = `customer_id,occurred_at,channel,campaign,cost,currency
A,2026-10-01T00:00:00Z,meta,autumn-push,0.50,USD
A,2026-10-08T00:00:00Z,email,newsletter-41,,
A,2026-10-15T00:00:00Z,google,brand-search,1.20,USD
B,2026-10-06T00:00:00Z,tiktok,autumn-push,0.30,USD
B,2026-10-13T00:00:00Z,meta,autumn-push,0.40,USD
C,2026-10-14T00:00:00Z,email,newsletter-42,,
D,2026-09-01T00:00:00Z,meta,summer-push,0.40,USD
D,2026-10-20T00:00:00Z,google,brand-search,1.10,USD
E,2026-10-01T00:00:00Z,tiktok,autumn-push,0.20,USD
E,2026-10-08T00:00:00Z,email,newsletter-41,,
F,2026-10-09T10:00:00Z,google,brand-search,0.90,USD
F,2026-10-09T10:00:00Z,meta,autumn-push,0.60,USD
`;

export const SCENARIO_CONVERSIONS = `customer_id,occurred_at,revenue,currency,order_id
A,2026-10-15T00:00:00Z,100.00,USD,o-A
B,2026-10-13T00:00:00Z,50.00,USD,o-B
C,2026-10-14T12:00:00Z,20.00,USD,o-C
D,2026-10-15T00:00:00Z,30.00,USD,o-D
E,2026-10-02T00:00:00Z,10.00,USD,o-E1
E,2026-10-08T00:00:00Z,40.00,USD,o-E2
F,2026-10-09T11:00:00Z,60.00,USD,o-F
`;

export async function importCsv(runner: ToolRunner, org: TestOrganization, tool: string, content: string, name = 'file.csv') {
  const result = await runner.call(tool, { files: [{ name, content }] }, org.as('ANALYST'));
  if (!result.ok) throw new Error(`${tool}: ${result.error.message}`);
  return result.output as { rows_stored: number; rows_unchanged: number; files_rejected: number; errors: Array<{ file: string; line: number; reason: string }> };
}

export async function loadJourneyScenario(runner: ToolRunner, org: TestOrganization): Promise<void> {
  await importCsv(runner, org, 'import_touchpoints', SCENARIO_TOUCHPOINTS, 'touchpoints.csv');
  await importCsv(runner, org, 'import_conversions', SCENARIO_CONVERSIONS, 'conversions.csv');
}
