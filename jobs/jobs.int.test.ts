import { fixturePayVendor } from '../tools/testing/fixture-tools.ts';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import { TRACKS } from '../tools/campaigns/testing/delivery-scenario.ts';
import { createCatalogue } from '../tools/index.ts';
import { buildDigestScenario, DIGEST_DATE, DIGEST_NOW } from '../tools/insights/testing/digest-scenario.ts';
import { silentLogger } from '../tools/registry/context.ts';
import { ToolRunner } from '../tools/registry/runner.ts';
import { createTestOrganization, type TestOrganization } from '../tools/testing/fixtures.ts';
import type { JobDeps } from './define-job.ts';
import { InProcessJobQueue } from './in-process-queue.ts';
import { recordingNotifier } from './testing/recording-notifier.ts';

/** The job handlers in the embedded queue: what they send, and that they act on their organisation only. */
describe('jobs', () => {
  let database: Database;
  let orgA: TestOrganization;
  let orgB: TestOrganization;
  let ingestDir: string;
  let notifier: ReturnType<typeof recordingNotifier>;

  function queue(extra: Partial<JobDeps> = {}): InProcessJobQueue {
    const jobs = new InProcessJobQueue({ retryDelayMs: () => 1 });
    const runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), jobs, now: () => DIGEST_NOW });
    jobs.bind({ prisma: database.prisma, runner, log: silentLogger, notifier, now: () => DIGEST_NOW, ingestDir, ...extra });
    return jobs;
  }

  async function run(jobs: InProcessJobQueue, name: string, payload: Record<string, unknown>) {
    await jobs.enqueue({ name, payload });
    await jobs.drain();
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    orgA = await createTestOrganization(database, 'jobs-a');
    orgB = await createTestOrganization(database, 'jobs-b');
    await buildDigestScenario(database.prisma, orgA.id, orgA.ownerId);
    await database.prisma.streamStat.create({ data: { organizationId: orgB.id, date: new Date(`${DIGEST_DATE}T00:00:00Z`), artist: 'Zed', trackId: 'z', platform: 'spotify', streams: 7 } });
    ingestDir = mkdtempSync(join(tmpdir(), 'crescendo-ingest-'));
  });
  afterAll(async () => {
    rmSync(ingestDir, { recursive: true, force: true });
    await database.close();
  });
  beforeEach(() => {
    notifier = recordingNotifier();
  });

  it('the digest without a model: computed summary, tables and charts, sent once per day', async () => {
    const jobs = queue();
    await run(jobs, 'digest.daily', { organizationId: orgA.id, date: DIGEST_DATE });
    await run(jobs, 'digest.daily', { organizationId: orgA.id, date: DIGEST_DATE });
    expect(notifier.sent).toHaveLength(1);
    const [sent] = notifier.sent;
    expect(sent).toMatchObject({ kind: 'digest', organizationId: orgA.id });
    const message = (sent as { message: import('./notifier.ts').NotificationMessage }).message;
    expect(message.title).toBe('Daily digest, Friday 2026-11-20');
    expect(message.summary).toBe(
      'Friday: 750 streams (-34.8% on the day before, -34.8% on the week before), 425.00 USD spent, 80.00 USD revenue from 2 conversions. ' +
        'Needs attention: 2 anomalies, 2 vendors under-delivering, 2 approvals waiting.',
    );
    expect(message.tables![0]!.rows[1]).toEqual(['spend', '425.00 USD', '200.00 USD', '+112.5%', '150.00 USD', '+183.3%']);
    expect(message.sections.find((section) => section.heading === 'Anomalies')!.lines[1]).toBe('streams of artist Ana: 200, above the usual 110 ± 10 (sd)');
    expect(message.charts![0]!.series[0]!.values.at(-1)).toBe(750);
  });

  it('a configured model writes only the summary, from the facts; a failing model falls back', async () => {
    let facts = '';
    await run(queue({ proseWriter: async (given) => ((facts = given), 'Streams fell a third; Dee went silent.') }), 'digest.daily', { organizationId: orgA.id, date: DIGEST_DATE });
    expect(facts).toContain('750 streams');
    expect(facts).toContain('streams of artist Dee: 0, below the usual 1,000');
    await run(queue({ proseWriter: async () => { throw new Error('model down'); } }), 'digest.daily', { organizationId: orgA.id, date: '2026-11-18' });
    const summaries = notifier.sent.map((sent) => (sent as { message: { summary: string } }).message.summary);
    expect(summaries[0]).toBe('Streams fell a third; Dee went silent.');
    expect(summaries[1]).toMatch(/^Wednesday: /);
  });

  it('a schedule firing twice still sends one digest for the day (yesterday in the organisation time zone)', async () => {
    const jobs = queue();
    await run(jobs, 'schedule.fire', { organizationId: orgB.id, job: 'digest.daily' });
    await run(jobs, 'schedule.fire', { organizationId: orgB.id, job: 'digest.daily' });
    expect(notifier.sent).toHaveLength(1);
    expect(notifier.sent[0]).toMatchObject({ kind: 'digest', organizationId: orgB.id, message: { title: 'Daily digest, Friday 2026-11-20' } });
  });

  it('each assignee with overdue CRM tasks gets them as a direct message beside the channel digest', async () => {
    const orgC = await createTestOrganization(database, 'jobs-c');
    const owner = await database.prisma.user.findUniqueOrThrow({ where: { id: orgC.ownerId } });
    const due = (days: number) => new Date(DIGEST_NOW.getTime() - days * 86_400_000);
    await database.prisma.task.createMany({ data: [
      { organizationId: orgC.id, title: 'Send the tour proposal', dueAt: due(3), assigneeId: orgC.ownerId, priority: 'HIGH' },
      { organizationId: orgC.id, title: 'Call the venue', dueAt: due(1), assigneeId: orgC.ownerId },
      { organizationId: orgC.id, title: 'Nobody owns this', dueAt: due(2) },
      { organizationId: orgC.id, title: 'Not due yet', dueAt: due(-2), assigneeId: orgC.ownerId },
    ] });
    await run(queue(), 'digest.daily', { organizationId: orgC.id, date: DIGEST_DATE });
    expect(notifier.sent.map((sent) => sent.kind)).toEqual(['digest', 'direct']);
    expect(notifier.sent[1]).toMatchObject({
      kind: 'direct', organizationId: orgC.id, email: owner.email,
      message: {
        title: `Your overdue tasks, ${DIGEST_DATE}`,
        summary: 'You have 2 overdue tasks; the most overdue: Send the tour proposal, 3 days late.',
        sections: [{ heading: 'Overdue tasks', lines: ['Send the tour proposal, 3 days late, high priority', 'Call the venue, 1 day late'] }],
      },
    });
  });

  it('a job for organisation B never reads organisation A', async () => {
    await run(queue(), 'digest.daily', { organizationId: orgB.id, date: DIGEST_DATE });
    const message = (notifier.sent[0] as { message: import('./notifier.ts').NotificationMessage }).message;
    expect(notifier.sent.every((sent) => sent.organizationId === orgB.id)).toBe(true);
    expect(message.summary).toMatch(/^Friday: 7 streams/);
    expect(JSON.stringify(message)).not.toMatch(/Club Restricted|Autumn push|Ana|Dee/);
  });

  it('a filed approval request is announced to approvers once, after it commits', async () => {
    const jobs = new InProcessJobQueue({ retryDelayMs: () => 1 });
    const runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue([...createCatalogue().list(), fixturePayVendor]), jobs, now: () => DIGEST_NOW });
    jobs.bind({ prisma: database.prisma, runner, log: silentLogger, notifier, now: () => DIGEST_NOW, approveUrl: (id) => `http://app/approvals/${id}` });
    const filed = await runner.call('fixture_pay_vendor', { vendor: 'Club Restricted', amount: 120 }, orgA.as('CAMPAIGN_MANAGER'));
    if (!filed.ok) throw new Error(filed.error.message);
    await jobs.drain();
    const approvalId = (filed.output as { approval_id: string }).approval_id;
    expect(notifier.sent).toEqual([{
      kind: 'approvalRequested', organizationId: orgA.id,
      approval: {
        approvalId, action: 'fixture_pay_vendor', preview: 'Pay Club Restricted 120.00 USD', summary: null, requestedBy: 'owner@jobs-a.test', requestedByName: null,
        requestedVia: expect.any(String), approveUrl: `http://app/approvals/${approvalId}`, campaignUrl: null,
      },
    }]);
  });

  it('campaign alerts are posted when there is something to act on', async () => {
    await run(queue(), 'alerts.campaigns', { organizationId: orgA.id, date: DIGEST_DATE });
    await run(queue(), 'alerts.campaigns', { organizationId: orgB.id, date: DIGEST_DATE });
    expect(notifier.sent).toHaveLength(1);
    expect(notifier.sent[0]).toMatchObject({ kind: 'alerts', organizationId: orgA.id, message: { summary: expect.stringMatching(/alerts \(\d+ high\)/) } });
  });

  it('weekly stats are stored for the job organisation only', async () => {
    for (const org of [orgA, orgB]) await database.prisma.streamRate.create({ data: { organizationId: org.id, platform: 'spotify', ratePerStream: 0.004, currency: 'USD' } });
    await run(queue(), 'stats.weekly', { organizationId: orgA.id, weekStart: '2026-11-16' });
    const rows = await database.prisma.weeklyArtistStats.findMany({ where: { weekStart: new Date('2026-11-16T00:00:00Z') } });
    expect(rows.map((row) => [row.organizationId, row.artist]).sort()).toEqual([orgA.id, orgA.id, orgA.id, orgA.id].map((id, index) => [id, ['Ana', 'Ben', 'Cleo', 'Dee'][index]]));
    expect(rows.find((row) => row.artist === 'Cleo')).toMatchObject({ streams: 500n, currency: 'USD' });
    expect(Number(rows.find((row) => row.artist === 'Cleo')!.revenue)).toBe(2);
  });

  it('ingestion reads only the organisation folder, stores the files once and moves them', async () => {
    const folderA = join(ingestDir, 'jobs-a');
    const folderB = join(ingestDir, 'jobs-b');
    mkdirSync(folderA, { recursive: true });
    mkdirSync(folderB, { recursive: true });
    const scrape = { track_id: TRACKS.nightDrive, scraped_at: '2026-11-20T05:00:00Z', plays: { last_7d: 1, last_28d: 2, last_12m: 3 }, playlists: [] };
    writeFileSync(join(folderA, `song_${TRACKS.nightDrive}_20261120T050000Z.json`), JSON.stringify(scrape));
    writeFileSync(join(folderA, 'song_broken_1.json'), '{ not json');
    writeFileSync(join(folderB, `song_${TRACKS.nightDrive}_20261120T050000Z.json`), JSON.stringify(scrape));
    const snapshots = (organizationId: string) => database.prisma.scrapeSnapshot.count({ where: { organizationId } });
    const [beforeA, beforeB] = [await snapshots(orgA.id), await snapshots(orgB.id)];
    await run(queue(), 'ingest.scraped', { organizationId: orgA.id, date: DIGEST_DATE });
    expect(await snapshots(orgA.id)).toBe(beforeA + 1);
    expect(await snapshots(orgB.id)).toBe(beforeB);
    expect(readdirSync(folderA).sort()).toEqual(['processed', 'rejected']);
    expect(readdirSync(join(folderA, 'processed'))).toEqual([`song_${TRACKS.nightDrive}_20261120T050000Z.json`]);
    expect(readdirSync(join(folderA, 'rejected'))).toEqual(['song_broken_1.json']);
    expect(readdirSync(folderB)).toEqual([`song_${TRACKS.nightDrive}_20261120T050000Z.json`]);
    // (The import also queued the milestones job, which announces what the new scrape completed.)
    expect(notifier.sent.filter((sent) => sent.kind === 'alerts' && sent.message.title.startsWith('Scraper import'))).toMatchObject([{ kind: 'alerts', organizationId: orgA.id, message: { summary: expect.stringMatching(/^1 of 2 scraper files were rejected/) } }]);
    // The next day's run finds nothing new and changes nothing.
    await run(queue(), 'ingest.scraped', { organizationId: orgA.id, date: '2026-11-21' });
    expect(await snapshots(orgA.id)).toBe(beforeA + 1);
  });
});
