import type { Database } from '../database.ts';
import { DEMO_AD_TIME_ZONE, writeAds } from './ads.ts';
import { todayIn } from '../../tools/common/format.ts';
import { ArtistSpend, writeBackCatalogue } from './back-catalogue.ts';
import { BulkWriter, type Transaction } from '../bulk/bulk-writer.ts';
import { CampaignActivity } from './campaign-activity.ts';
import { writeCreators } from './creators.ts';
import { writeCrm } from './crm.ts';
import { planCampaigns } from './campaigns.ts';
import { NameRegistry } from './catalogue.ts';
import { writeJourneys } from './journeys.ts';
import { OrganizationNotEmptyError } from './organization-not-empty-error.ts';
import { payoutRows } from './payouts.ts';
import { Random } from './random.ts';
import { SpotifyIds, planClients, planVendors } from './roster.ts';
import { writeScrapes } from './scrapes.ts';
import { SeedCalendar } from './seed-calendar.ts';
import { songSeries } from './song-series.ts';
import { writeCampaignSpend } from './spend.ts';
import { MonthlyStreams, spotifyDaily, writeStreamStats } from './streams.ts';
import { inChunks, writeRoster } from './write-roster.ts';

/** The demo organisation's time zone, its ad accounts' too. */
const DEMO_TIME_ZONE = DEMO_AD_TIME_ZONE;

export { OrganizationNotEmptyError };

export interface SeedDemoOptions {
  slug: string;
  /** Defaults to a name derived from the slug. */
  name?: string;
  /** Multiplies volumes (clients, vendors, campaigns, customers) roughly linearly; fractions allowed. Default 1. */
  scale?: number;
  /** The day the data leads up to (this instant's date in the demo's time zone). Pass it for reproducible data; only when absent is the clock read. */
  today?: Date;
  /** The OWNER of the new organisation; default `owner@<slug>.example`. */
  ownerEmail?: string;
}

export interface SeedSummary {
  organizationId: string;
  slug: string;
  scale: number;
  /** The `today` the data was generated for (YYYY-MM-DD). */
  today: string;
  /** Rows inserted, by table. */
  counts: Record<string, number>;
  elapsedMs: number;
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

/** Base volumes at scale 1, and the minimum kept at small scales. */
const VOLUMES = { clients: [8, 2], vendors: [12, 4], campaigns: [20, 4], customers: [3000, 300] } as const;

/**
 * Creates (or fills an empty) organisation with four months of realistic, deterministic demo data:
 * clients and their artists, vendors and playlists, campaign groups and placements, weekly scrapes,
 * daily streams, ad spend, customer journeys, monthly payouts and the CRM (companies, contacts,
 * deals, tasks, notes, captured emails and their timeline) and creators (platforms, audiences,
 * content, two creator campaigns in progress) and demo ad accounts (Meta, Google Ads under a manager,
 * TikTok) with 120 days of metrics, their sync history and one over-budget alert. Everything happens in one
 * transaction: it either all lands or nothing does. The same slug, scale and today give the same
 * data (apart from generated ids and creation times).
 */
export async function seedDemoOrganization(database: Database, options: SeedDemoOptions): Promise<SeedSummary> {
  const started = performance.now();
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`scale must be a positive number, not ${scale}`);
  if (!SLUG.test(options.slug)) throw new Error(`"${options.slug}" is not a slug: use 1-48 lowercase letters, digits and inner hyphens`);
  // The organisation's own date of that instant: its ad accounts' "yesterday" (and the alert the demo holds
  // for it) must be the one its pages ask about, also in the hour when Madrid is a day ahead of UTC.
  const calendar = new SeedCalendar(todayIn(DEMO_TIME_ZONE, options.today ?? new Date()));
  const random = new Random(`crescendo-demo/${options.slug}/${scale}/${calendar.iso(calendar.days)}`);
  const volume = (key: keyof typeof VOLUMES) => Math.max(VOLUMES[key][1], Math.round(VOLUMES[key][0] * scale));
  const names = new NameRegistry();
  const spotifyIds = new SpotifyIds();
  const clients = planClients(random.fork('clients'), volume('clients'), names);
  const vendors = planVendors(random.fork('vendors'), volume('vendors'), names, spotifyIds);
  const campaigns = planCampaigns({ random: random.fork('campaigns'), calendar, clients, vendors, names, spotifyIds }, volume('campaigns'));

  const { organizationId, counts } = await database.prisma.$transaction(
    async (tx) => {
      const { organizationId, created, ownerUserId } = await ownOrganization(tx, options);
      const roster = await writeRoster(tx, calendar, organizationId, { clients, vendors, campaigns });
      const writer = new BulkWriter(tx);
      const activity = new CampaignActivity(calendar.days);
      const monthly = new MonthlyStreams(calendar.completeMonths(), calendar.days);
      const artistSpend = new ArtistSpend(calendar.days);
      for (const campaign of campaigns) {
        const campaignRandom = random.fork(`campaign-data-${campaign.index}`);
        const spend = writeCampaignSpend(writer, campaignRandom, calendar, campaign, organizationId);
        activity.record(campaign.key, spend);
        artistSpend.add(campaign.artist.name, spend);
        for (const song of campaign.songs) {
          const series = songSeries(campaignRandom, calendar, campaign, song, spend);
          const spotify = spotifyDaily(series);
          writeStreamStats(writer, calendar, organizationId, campaign.artist.name, song, series, spotify, monthly);
          writeScrapes(writer, campaignRandom, calendar, organizationId, campaign.artist.name, song, series, spotify);
        }
        await writer.drain();
      }
      for (const artist of clients.flatMap((client) => client.artists)) {
        const catalogueRandom = random.fork(`back-catalogue-${artist.name}`);
        const trackId = () => spotifyIds.next(catalogueRandom);
        writeBackCatalogue({ writer, random: catalogueRandom, calendar, organizationId, monthly, trackId }, artist, artistSpend.of(artist.name));
        await writer.drain();
      }
      await writeJourneys({ writer, random: random.fork('journeys'), calendar, activity, organizationId }, volume('customers'));
      await writer.finish();
      const payouts = payoutRows(random.fork('payouts'), monthly, organizationId);
      await inChunks(payouts, (data) => tx.actualPayout.createMany({ data }));
      const crm = await writeCrm({ tx, random: random.fork('crm'), calendar, organizationId, slug: options.slug, ownerUserId, clients, vendors });
      const { User: crmUsers = 0, Membership: crmMemberships = 0, ...crmRows } = crm;
      const people = { User: created.User + crmUsers, Membership: created.Membership + crmMemberships };
      const creators = await writeCreators({ tx, random: random.fork('creators'), calendar, organizationId, slug: options.slug, ownerUserId, clients });
      for (const [table, rows] of Object.entries(creators.counts)) crmRows[table] = (crmRows[table] ?? 0) + rows;
      // Ad accounts after the creators (the release launch's ad campaigns are assigned to its creator campaign); they take over the window's CSV ad spend, so MarketingSpend is their total.
      const ads = await writeAds({ tx, random: random.fork('ads'), calendar, organizationId, campaigns });
      for (const [table, rows] of Object.entries(ads.counts)) crmRows[table] = table === 'MarketingSpend' ? rows : (crmRows[table] ?? 0) + rows;
      return { organizationId, counts: { ...created, ...people, ...roster, ...writer.counts(), ActualPayout: payouts.length, ...crmRows } };
    },
    { maxWait: 60_000, timeout: 10 * 60_000 + scale * 60_000 },
  );
  return { organizationId, slug: options.slug, scale, today: calendar.iso(calendar.days), counts, elapsedMs: Math.round(performance.now() - started) };
}

/** The organisation to fill: created when missing, refused when it already holds data; plus its OWNER. */
async function ownOrganization(tx: Transaction, options: SeedDemoOptions) {
  const existing = await tx.organization.findUnique({ where: { slug: options.slug } });
  if (existing && (await hasData(tx, existing.id))) throw new OrganizationNotEmptyError(options.slug);
  const organization =
    existing ??
    (await tx.organization.create({
      data: { slug: options.slug, name: options.name ?? defaultName(options.slug), baseCurrency: 'USD', timeZone: DEMO_TIME_ZONE },
    }));
  const email = (options.ownerEmail ?? `owner@${options.slug}.example`).toLowerCase();
  const userBefore = await tx.user.findUnique({ where: { email } });
  const user = userBefore ?? (await tx.user.create({ data: { email, name: 'Demo Owner' } }));
  const membershipKey = { organizationId_userId: { organizationId: organization.id, userId: user.id } };
  const membershipBefore = await tx.membership.findUnique({ where: membershipKey });
  if (!membershipBefore) await tx.membership.create({ data: { organizationId: organization.id, userId: user.id, role: 'OWNER' } });
  return {
    organizationId: organization.id,
    ownerUserId: user.id,
    created: { Organization: existing ? 0 : 1, User: userBefore ? 0 : 1, Membership: membershipBefore ? 0 : 1 },
  };
}

async function hasData(tx: Transaction, organizationId: string): Promise<boolean> {
  const where = { organizationId };
  const probes = [
    () => tx.client.findFirst({ where, select: { id: true } }),
    () => tx.vendor.findFirst({ where, select: { id: true } }),
    () => tx.playlist.findFirst({ where, select: { id: true } }),
    () => tx.campaignGroup.findFirst({ where, select: { id: true } }),
    () => tx.scrapeSnapshot.findFirst({ where, select: { id: true } }),
    () => tx.streamStat.findFirst({ where, select: { id: true } }),
    () => tx.marketingSpend.findFirst({ where, select: { id: true } }),
    () => tx.touchpoint.findFirst({ where, select: { id: true } }),
    () => tx.conversion.findFirst({ where, select: { id: true } }),
    () => tx.actualPayout.findFirst({ where, select: { id: true } }),
  ];
  for (const probe of probes) if (await probe()) return true;
  return false;
}

function defaultName(slug: string): string {
  if (slug === 'demo') return 'Crescendo Demo Label';
  return slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
