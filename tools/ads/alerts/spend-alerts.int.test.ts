import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { openTestDatabase } from '../../../db/testing/test-database.ts';
import { ADS_ALERTS_JOB } from '../../../jobs/ads-alerts/ads-alerts-job.ts';
import { InProcessJobQueue } from '../../../jobs/in-process-queue.ts';
import { recordingNotifier } from '../../../jobs/testing/recording-notifier.ts';
import { createCatalogue } from '../../index.ts';
import { silentLogger } from '../../registry/context.ts';
import { ToolRunner } from '../../registry/runner.ts';
import { caller } from '../../testing/caller.ts';
import { createTestOrganization, type TestOrganization } from '../../testing/fixtures.ts';

interface Alert {
  cause: string; scope: string; ad_account_id: string; ad_campaign_id: string | null; day: string; partial_day: boolean; currency: string;
  spend: number; limit: number | null; projected: number | null; days_elapsed: number | null; days_in_month: number | null; days_without_conversions: number | null;
  message: string; alert_id: string | null; posted_at: string | null;
}
interface AlertsOutput { alerts: Alert[]; counts: Record<string, number>; accounts_with_limits: number; note: string | null }

const day = (value: string) => new Date(`${value}T00:00:00Z`);

describe('spend_alerts and the ads.alerts.check job', () => {
  let database: Database;
  let runner: ToolRunner;
  let jobs: InProcessJobQueue;
  let org: TestOrganization;
  let other: TestOrganization;
  let owner: ReturnType<typeof caller>;
  const notifier = recordingNotifier();
  let failNextPost = false;
  const clock = { now: new Date('2026-12-10T10:00:00Z') };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = new InProcessJobQueue({ retryDelayMs: () => 0 });
    runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), jobs, now: () => clock.now, log: silentLogger });
    const flaky = {
      ...notifier,
      async alerts(organizationId: string, message: Parameters<typeof notifier.alerts>[1]) {
        if (failNextPost) {
          failNextPost = false;
          throw new Error('Slack is down');
        }
        return notifier.alerts(organizationId, message);
      },
    };
    jobs.bind({ prisma: database.prisma, runner, log: silentLogger, now: () => clock.now, notifier: flaky, approveUrl: (id) => `https://crescendo.example/approvals/${id}` });
    org = await createTestOrganization(database, 'ads-alerts-a');
    other = await createTestOrganization(database, 'ads-alerts-b');
    owner = caller(runner, () => org.as('OWNER'));
    const prisma = database.prisma;

    // Meta, Paris, EUR: daily limit 100, monthly 2,000, three days without conversions.
    const meta = await prisma.adAccount.create({
      data: { organizationId: org.id, platform: 'META', externalId: '1001', name: 'Acme EU', currency: 'EUR', timeZone: 'Europe/Paris', dailyBudgetLimit: 100, monthlyBudgetLimit: 2000, noConversionDays: 3 },
    });
    const blackFriday = await prisma.adCampaign.create({ data: { organizationId: org.id, adAccountId: meta.id, externalId: 'c1', name: 'Black Friday', status: 'ACTIVE', dailyLimit: 50 } });
    const retarget = await prisma.adCampaign.create({ data: { organizationId: org.id, adAccountId: meta.id, externalId: 'c2', name: 'Retarget', status: 'ACTIVE' } });
    // TikTok, New York, USD: two days without conversions, no money limits.
    const tiktok = await prisma.adAccount.create({
      data: { organizationId: org.id, platform: 'TIKTOK', externalId: '2002', name: 'Launch US', currency: 'USD', timeZone: 'America/New_York', noConversionDays: 2 },
    });
    const launch = await prisma.adCampaign.create({ data: { organizationId: org.id, adAccountId: tiktok.id, externalId: 't1', name: 'Single launch', status: 'ENABLE' } });
    Object.assign(ids, { meta: meta.id, tiktok: tiktok.id, blackFriday: blackFriday.id, retarget: retarget.id, launch: launch.id });

    const metric = (adAccountId: string, adCampaignId: string, date: string, spend: number, conversions: number, currency = 'EUR') =>
      ({ organizationId: org.id, adAccountId, adCampaignId, date: day(date), spend, conversions, currency, source: 'meta', syncedAt: clock.now });
    const rows = [];
    // Black Friday: 40 a day, one conversion a day on the 1st to the 6th, none on the 7th, 8th and 9th (60 on the 9th), 20 so far today.
    for (let d = 1; d <= 8; d++) rows.push(metric(meta.id, blackFriday.id, `2026-12-0${d}`, 40, d <= 6 ? 1 : 0));
    rows.push(metric(meta.id, blackFriday.id, '2026-12-09', 60, 0), metric(meta.id, blackFriday.id, '2026-12-10', 20, 0));
    // Retarget: 30 a day with two conversions, 90 so far today.
    for (let d = 1; d <= 9; d++) rows.push(metric(meta.id, retarget.id, `2026-12-0${d}`, 30, 2));
    rows.push(metric(meta.id, retarget.id, '2026-12-10', 90, 0));
    // Launch: spends on the 8th and 9th with nothing converted.
    rows.push({ ...metric(tiktok.id, launch.id, '2026-12-08', 25, 0, 'USD'), source: 'tiktok' }, { ...metric(tiktok.id, launch.id, '2026-12-09', 35, 0, 'USD'), source: 'tiktok' });
    await prisma.campaignMetric.createMany({ data: rows });

    // Another organisation's account far over its limit: never seen.
    const theirs = await prisma.adAccount.create({ data: { organizationId: other.id, platform: 'META', externalId: '1001', name: 'Theirs', currency: 'EUR', timeZone: 'UTC', dailyBudgetLimit: 1 } });
    const theirCampaign = await prisma.adCampaign.create({ data: { organizationId: other.id, adAccountId: theirs.id, externalId: 'x', name: 'X', status: 'ACTIVE' } });
    await prisma.campaignMetric.create({ data: { organizationId: other.id, adAccountId: theirs.id, adCampaignId: theirCampaign.id, date: day('2026-12-09'), spend: 500, currency: 'EUR', source: 'meta', syncedAt: clock.now } });
  });
  afterAll(async () => {
    await jobs.drain();
    await database.close();
  });

  it('finds each cause with hand-computed figures, in each account\'s currency and local days', async () => {
    const output = await owner.ok<AlertsOutput>('spend_alerts', {});
    const brief = output.alerts.map((alert) => [alert.cause, alert.scope, alert.ad_campaign_id ?? alert.ad_account_id, alert.day, alert.spend]);
    expect(brief).toEqual([
      // Acme EU (Paris: yesterday is the 9th, today the 10th).
      ['over_daily_limit', 'campaign', ids.blackFriday, '2026-12-09', 60],
      ['over_daily_limit', 'account', ids.meta, '2026-12-10', 110],
      // Month to date: 8 x (40 + 30) + 60 + 30 = 650.
      ['monthly_pace', 'account', ids.meta, '2026-12-09', 650],
      // The account converted (Retarget), Black Friday did not on the 7th, 8th and 9th: 40 + 40 + 60.
      ['no_conversions', 'campaign', ids.blackFriday, '2026-12-09', 140],
      // Launch US (New York: 05:00 on the 10th, yesterday the 9th): the whole account, 25 + 35.
      ['no_conversions', 'account', ids.tiktok, '2026-12-09', 60],
    ]);
    const [campaignOver, accountOver, pace, dry, tiktokDry] = output.alerts;
    expect(campaignOver).toMatchObject({ limit: 50, currency: 'EUR', partial_day: false, alert_id: null, posted_at: null });
    expect(campaignOver!.message).toBe('Campaign “Black Friday” (Meta account “Acme EU”) spent 60.00 EUR on 2026-12-09, over its daily limit of 50.00 EUR by 10.00 EUR.');
    expect(accountOver).toMatchObject({ limit: 100, partial_day: true });
    expect(accountOver!.message).toBe('Meta account “Acme EU” spent 110.00 EUR so far today (2026-12-10), over its daily limit of 100.00 EUR by 10.00 EUR.');
    // 650 / 9 x 31 = 2,238.888...
    expect(pace).toMatchObject({ limit: 2000, projected: 2238.89, days_elapsed: 9, days_in_month: 31 });
    expect(pace!.message).toBe('Meta account “Acme EU” is on pace to spend 2,238.89 EUR in December 2026, over its monthly limit of 2,000.00 EUR: 650.00 EUR spent in the first 9 days (through 2026-12-09), 72.22 EUR a day over 31 days.');
    expect(dry).toMatchObject({ days_without_conversions: 3 });
    expect(dry!.message).toBe('Campaign “Black Friday” (Meta account “Acme EU”) spent 140.00 EUR with no conversions on each of the last 3 days (2026-12-07 to 2026-12-09).');
    expect(tiktokDry).toMatchObject({ currency: 'USD', days_without_conversions: 2 });
    expect(tiktokDry!.message).toBe('TikTok account “Launch US” spent 60.00 USD with no conversions on each of the last 2 days (2026-12-08 to 2026-12-09).');
    expect(output.counts).toEqual({ over_daily_limit: 2, monthly_pace: 1, no_conversions: 2 });
    expect(output.accounts_with_limits).toBe(2);
  });

  it('checks one given day: on the 5th only the monthly pace (350 in 5 days -> 2,170), and one account on request', async () => {
    const output = await owner.ok<AlertsOutput>('spend_alerts', { day: '2026-12-05', ad_account_id: ids.meta });
    expect(output.alerts.map((alert) => [alert.cause, alert.day, alert.spend, alert.projected])).toEqual([['monthly_pace', '2026-12-05', 350, 2170]]);
    // Exactly at the limit is not over it: 70 spent on the 1st projects to 70 x 31 = 2,170, against a limit of 2,170.
    await database.prisma.adAccount.update({ where: { id: ids.meta }, data: { monthlyBudgetLimit: 2170 } });
    expect((await owner.ok<AlertsOutput>('spend_alerts', { day: '2026-12-01', ad_account_id: ids.meta })).alerts).toEqual([]);
    await database.prisma.adAccount.update({ where: { id: ids.meta }, data: { monthlyBudgetLimit: 2000 } });
    // Another organisation's account is not found.
    const theirs = await database.prisma.adAccount.findFirstOrThrow({ where: { organizationId: other.id } });
    expect((await owner.fails('spend_alerts', { ad_account_id: theirs.id })).code).toBe('not_found');
  });

  it('the job stores each alert once per scope, cause and day and posts it once, with a link to the Ads page; a failed post is retried', async () => {
    failNextPost = true;
    await jobs.enqueue({ name: ADS_ALERTS_JOB, payload: { organizationId: org.id } });
    await jobs.drain();
    const posts = () => notifier.sent.filter((sent) => sent.kind === 'alerts' && sent.organizationId === org.id);
    expect(posts()).toHaveLength(1);
    const message = (posts()[0] as { message: { title: string; summary: string; sections: Array<{ heading: string; lines: string[] }>; link?: string } }).message;
    expect(message.title).toBe('Ad spend alerts');
    expect(message.summary).toBe('5 new alerts: 2 over the daily limit, 1 on pace to exceed the monthly limit, 2 spending with no conversions.');
    expect(message.sections.map((section) => [section.heading, section.lines.length])).toEqual([['Over the daily limit', 2], ['On pace to exceed the monthly limit', 1], ['Spending with no conversions', 2]]);
    expect(message.sections[0]!.lines[0]).toContain('Black Friday');
    expect(message.link).toBe('https://crescendo.example/ads');
    const stored = await database.prisma.spendAlert.findMany({ where: { organizationId: org.id }, orderBy: { createdAt: 'asc' } });
    expect(stored).toHaveLength(5);
    expect(stored.every((row) => row.postedAt !== null)).toBe(true);
    const pace = stored.find((row) => row.cause === 'MONTHLY_PACE')!;
    expect(pace).toMatchObject({ scopeKey: `account:${ids.meta}`, adCampaignId: null, figures: { spend: 650, limit: 2000, projected: 2238.89, currency: 'EUR', days_elapsed: 9, days_in_month: 31, days_without_conversions: null } });

    // Run again the same day: nothing new stored, nothing posted.
    await jobs.enqueue({ name: ADS_ALERTS_JOB, payload: { organizationId: org.id, adAccountId: ids.meta } });
    await jobs.enqueue({ name: ADS_ALERTS_JOB, payload: { organizationId: org.id } });
    await jobs.drain();
    expect(posts()).toHaveLength(1);
    expect(await database.prisma.spendAlert.count({ where: { organizationId: org.id } })).toBe(5);
    const seen = await owner.ok<AlertsOutput>('spend_alerts', {});
    expect(seen.alerts.every((alert) => alert.alert_id !== null && alert.posted_at !== null)).toBe(true);
    expect((await owner.ok<AlertsOutput>('spend_alerts', { include_posted: false })).alerts).toEqual([]);

    // The next morning: the 10th is now yesterday and its account alert was already posted (as today's, so far);
    // the 10th's monthly pace is a new day's alert.
    clock.now = new Date('2026-12-11T10:00:00Z');
    await jobs.enqueue({ name: ADS_ALERTS_JOB, payload: { organizationId: org.id } });
    await jobs.drain();
    expect(posts()).toHaveLength(2);
    const next = (posts()[1] as { message: { sections: Array<{ heading: string; lines: string[] }> } }).message;
    const lines = next.sections.flatMap((section) => section.lines);
    expect(lines.some((line) => line.includes('110.00 EUR'))).toBe(false);
    // Month to date on the 10th: 650 + 20 + 90 = 760 over 10 days -> 2,356.00.
    expect(lines).toContain('Meta account “Acme EU” is on pace to spend 2,356.00 EUR in December 2026, over its monthly limit of 2,000.00 EUR: 760.00 EUR spent in the first 10 days (through 2026-12-10), 76.00 EUR a day over 31 days.');
    // Nothing of the other organisation was stored or posted.
    expect(await database.prisma.spendAlert.count({ where: { organizationId: other.id } })).toBe(0);
    clock.now = new Date('2026-12-10T10:00:00Z');
  });
});
