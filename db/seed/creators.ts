import { randomBytes, randomUUID } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client.ts';
import type { CreatorNetwork } from '../generated/prisma/enums.ts';
import { BulkWriter, bulkTable, type Transaction } from '../bulk/bulk-writer.ts';
import { uuidV7 } from '../uuid-v7.ts';
import { amountText } from '../../tools/common/display-figures.ts';
import { deliverablesPhrase } from '../../tools/creators/campaigns/assign-creator.ts';
import { STATUS_LABELS } from '../../tools/creators/campaigns/campaign-common.ts';
import { parseContentLink } from '../../tools/creators/content-links.ts';
import { RECENT_CAPTIONS, refreshSearchDocuments, searchDocumentText } from '../../tools/creators/search/search-document.ts';
import type { ToolDb } from '../../tools/registry/tenant-scope.ts';
import { audience, caption, formatOf, phylloId, postUrl, profileUrl } from './creators-content.ts';
import { CREATOR_AGENCIES, PERSONAS, type CreatorKind, type Persona } from './creators-personas.ts';
import type { Random } from './random.ts';
import type { PlannedClient } from './roster.ts';
import type { SeedCalendar } from './seed-calendar.ts';
import { inChunks } from './write-roster.ts';

/**
 * The demo's creators (issue 21): 64 CRM contacts with a public presence across TikTok, YouTube,
 * Instagram, Twitch, LinkedIn and more, each with platforms (latest figures and 8-12 weekly
 * snapshots: most growing, some steady, two declining), audiences (age bands, gender, top countries
 * and cities), recent content with metric history, contracts and rate cards; plus two creator
 * campaigns in progress (one promoting a demo release for a client, one for a brand partner) whose
 * assignments stand at every status, one with an overdue deliverable. Some platforms are connected
 * through Phyllo (one in error, one disconnected), the rest typed or imported. Rows are written in
 * bulk inside the seed's transaction; the same random stream gives the same creators.
 */

export interface CreatorSeedInput {
  tx: Transaction;
  random: Random;
  calendar: SeedCalendar;
  organizationId: string;
  slug: string;
  ownerUserId: string;
  clients: PlannedClient[];
}

export interface CreatorSeedResult {
  /** Rows written by table (Company, Contact, ContactEmail and Activity add to the CRM's). */
  counts: Record<string, number>;
  creatorIds: string[];
}

const DAY_MS = 86_400_000;

/** Engagement (interactions per follower per post) of a 10k account; larger accounts engage less. */
const BASE_ENGAGEMENT: Record<CreatorNetwork, number> = {
  TIKTOK: 0.085, INSTAGRAM: 0.045, YOUTUBE: 0.05, TWITCH: 0.035, LINKEDIN: 0.03, TWITTER: 0.018, FACEBOOK: 0.015, SNAPCHAT: 0.03, PINTEREST: 0.012,
};
/** Average views (live viewers on Twitch, impressions on LinkedIn) per follower. */
const VIEWS_PER_FOLLOWER: Record<CreatorNetwork, number> = {
  TIKTOK: 0.35, INSTAGRAM: 0.22, YOUTUBE: 0.18, TWITCH: 0.025, LINKEDIN: 0.12, TWITTER: 0.08, FACEBOOK: 0.1, SNAPCHAT: 0.3, PINTEREST: 0.2,
};
/** Typical price of one deliverable per 1,000 followers, in USD. */
const PRICE_PER_1K: Record<CreatorNetwork, number> = {
  TIKTOK: 6, INSTAGRAM: 8, YOUTUBE: 15, TWITCH: 10, LINKEDIN: 20, TWITTER: 5, FACEBOOK: 4, SNAPCHAT: 5, PINTEREST: 5,
};
/** A format's price against the network's main one (a story costs about a third of a reel). */
const FORMAT_FACTOR: Record<string, number> = { story: 0.35, short: 0.4, post: 0.8 };
const POSTS_PER_WEEK: Record<CreatorNetwork, number> = {
  TIKTOK: 6, INSTAGRAM: 4, YOUTUBE: 1.5, TWITCH: 4, LINKEDIN: 2, TWITTER: 12, FACEBOOK: 3, SNAPCHAT: 7, PINTEREST: 10,
};
const TITLES: Record<CreatorKind, string> = {
  dance: 'Dancer and choreographer', review: 'Music reviewer', curator: 'Music curator', stream: 'Streamer', business: 'Music business writer',
  covers: 'Singer and creator', comedy: 'Comedy creator', dj: 'DJ and creator',
};
const EURO = new Set(['ES', 'FR', 'DE', 'IT', 'PT', 'NL', 'IE']);

const platformSnapshots = bulkTable('CreatorPlatformSnapshot', {
  id: 'text', organizationId: 'text', creatorPlatformId: 'text', capturedAt: 'timestamptz', followers: 'int', following: 'int', engagementRate: 'numeric',
  averageViews: 'int', averageLikes: 'int', averageComments: 'int', postsCount: 'int', source: 'text',
});
const contentTable = bulkTable('CreatorContent', {
  id: 'text', organizationId: 'text', creatorId: 'text', creatorPlatformId: 'text', externalId: 'text', url: 'text', format: 'text', publishedAt: 'timestamptz', caption: 'text',
  views: 'numeric', likes: 'numeric', comments: 'numeric', shares: 'numeric', saves: 'numeric', campaignCreatorId: 'text', lastSyncedAt: 'timestamptz', createdAt: 'timestamptz', updatedAt: 'timestamptz',
});
const contentSnapshots = bulkTable('CreatorContentSnapshot', {
  id: 'text', organizationId: 'text', contentId: 'text', capturedAt: 'timestamptz', views: 'numeric', likes: 'numeric', comments: 'numeric', shares: 'numeric', saves: 'numeric',
}, [contentTable]);

interface SeedPlatform {
  id: string;
  creatorId: string;
  persona: Persona;
  network: CreatorNetwork;
  handle: string;
  followers: number;
  engagementRate: number;
  averageViews: number;
  source: 'manual' | 'import' | 'phyllo';
  syncedAt: Date | null;
}

type PriceLine = { network?: string; format: string; min?: number; max?: number; price?: number; currency: string };
interface SeedCreator { id: string; contactId: string; persona: Persona; platforms: SeedPlatform[]; feeRanges: PriceLine[]; rateCard: PriceLine[] }

interface ContentSpec {
  platform: SeedPlatform;
  caption: string;
  format: string;
  /** Null for a draft submitted to a campaign and not yet published. */
  publishedAt: Date | null;
  campaignCreatorId?: string;
  /** Multiplies the expected views (a campaign post that took off). */
  boost?: number;
}

const round = (value: number, step: number) => Math.max(step, Math.round(value / step) * step);

/** Writes the creators, their platforms, audiences, content and the two creator campaigns. */
export async function writeCreators(input: CreatorSeedInput): Promise<CreatorSeedResult> {
  const { tx, random, calendar, organizationId } = input;
  const today = calendar.days;
  const members = await demoMembers(input);
  const moment = (day: number, minutes = 9 * 60 + random.int(0, 10 * 60)) => calendar.at(day, minutes);
  const activities: Array<Record<string, unknown>> = [];

  // Companies: the talent agencies, and the CRM's companies some creators work at.
  const companyIds = new Map<string, string>();
  const agencyRows = CREATOR_AGENCIES.map((agency) => {
    const createdAt = moment(random.int(0, 30));
    const id = idAt(createdAt);
    companyIds.set(agency.name, id);
    activities.push(...activity(organizationId, members.owner, [['company', id]], 'created', `${members.owner.name} created company '${agency.name}'`, createdAt));
    return {
      id, organizationId, name: agency.name, domain: agency.domain, industry: 'Talent management', sizeBand: agency.size, type: 'PARTNER' as const,
      ownerId: members.maria.id, tags: ['talent-agency', 'creators'], address: { city: agency.city, country: agency.country }, createdAt,
    };
  });
  await tx.company.createMany({ data: agencyRows });
  const wanted = [...new Set([BRAND_PARTNER, ...PERSONAS.map((persona) => persona.company)].filter((name): name is string => !!name && !companyIds.has(name)))];
  for (const company of await tx.company.findMany({ where: { organizationId, name: { in: wanted } }, select: { id: true, name: true } })) companyIds.set(company.name, company.id);

  // Contacts and creators.
  const contactRows: Prisma.ContactCreateManyInput[] = [];
  const emailRows: Prisma.ContactEmailCreateManyInput[] = [];
  const creatorRows: Prisma.CreatorCreateManyInput[] = [];
  const platformRows: Prisma.CreatorPlatformCreateManyInput[] = [];
  const creators: SeedCreator[] = [];
  const writer = new BulkWriter(tx);
  const audienceRows: Array<[string, Date, string, string, number, string]> = [];
  for (const persona of PERSONAS) {
    const personaRandom = random.fork(`creator-${persona.handle}`);
    const companyId = persona.company ? companyIds.get(persona.company) ?? null : null;
    const owner = personaRandom.weighted([[members.maria, 3], [members.sam, 2], [members.owner, 1]]);
    const createdAt = moment(-personaRandom.int(20, 400));
    const contactId = idAt(createdAt);
    const creatorId = idAt(createdAt);
    const agency = CREATOR_AGENCIES.find((candidate) => candidate.name === persona.company);
    const local = persona.name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '');
    contactRows.push({
      id: contactId, organizationId, name: persona.name, title: TITLES[persona.kind], companyId, lifecycle: 'OTHER', ownerId: owner.id,
      tags: ['creator', ...persona.niches.slice(0, 2)], socialHandles: Object.fromEntries(persona.platforms.map(([network]) => [network === 'TWITTER' ? 'x' : network.toLowerCase(), persona.handle])),
      source: personaRandom.chance(0.3) ? 'import' : 'manual', createdAt,
    });
    emailRows.push({ organizationId, contactId, email: agency ? `${local}@${agency.domain}` : `${persona.handle.replace(/\./g, '')}@creatormail.example`, isPrimary: true });
    const at = persona.company ? ` at '${persona.company}'` : '';
    activities.push(...activity(organizationId, owner, companyId ? [['contact', contactId], ['company', companyId]] : [['contact', contactId]], 'created', `${owner.name} created contact '${persona.name}'${at}`, createdAt));

    const platforms = persona.platforms.map(([network, followers], index) => platformOf(personaRandom, calendar, creatorId, persona, network, followers, index));
    const main = platforms[0]!;
    // One price and main format per platform: the rate card shows them, the contract's fee ranges bracket the main one.
    const prices = platforms.map((platform) => round((platform.followers / 1000) * PRICE_PER_1K[platform.network] * personaRandom.noise(0.2), 50));
    const formats = platforms.map((platform) => formatOf(personaRandom, platform.network, persona.kind));
    const currency = persona.country === 'GB' ? 'GBP' : EURO.has(persona.country) ? 'EUR' : 'USD';
    const rateCard: PriceLine[] = platforms.flatMap((platform, index) => {
      const [base, format] = [prices[index]!, formats[index]!];
      const lines: PriceLine[] = [{ network: platform.network.toLowerCase(), format, price: base, currency }];
      if (platform.network === 'INSTAGRAM' && format !== 'story') lines.push({ network: 'instagram', format: 'story', price: round(base * FORMAT_FACTOR.story!, 50), currency });
      if (platform.network === 'YOUTUBE' && format === 'video') lines.push({ network: 'youtube', format: 'short', price: round(base * FORMAT_FACTOR.short!, 50), currency });
      return lines;
    });
    const feeRanges: PriceLine[] = [
      { format: formats[0]!, network: main.network.toLowerCase(), min: round(prices[0]! * 0.8, 50), max: round(prices[0]! * 1.3, 50), currency: 'USD' },
      ...(platforms.length > 1 ? [{ format: 'bundle', min: round(prices[0]! * 1.4, 50), max: round(prices[0]! * 2.2, 50), currency: 'USD' }] : []),
    ];
    const represented = !!agency || !!persona.exclusive;
    const exclusiveEndsSoon = persona.handle === 'tylerbrooks';
    creatorRows.push({
      id: creatorId, organizationId, contactId, handle: persona.handle, bio: persona.bio, niches: persona.niches, genres: persona.genres, languages: persona.languages,
      country: persona.country, commissionRate: represented ? (persona.exclusive ? '0.2000' : '0.1500') : personaRandom.chance(0.6) ? '0.1000' : null,
      exclusive: !!persona.exclusive,
      exclusiveFrom: persona.exclusive ? calendar.date(today - (exclusiveEndsSoon ? 345 : personaRandom.int(60, 300))) : null,
      exclusiveUntil: persona.exclusive ? calendar.date(today + (exclusiveEndsSoon ? 20 : personaRandom.int(120, 400))) : null,
      feeRanges, rateCard, notes: persona.notes ?? (exclusiveEndsSoon ? 'Exclusivity ends in three weeks: renewal offer drafted.' : null),
      phylloUserId: persona.phyllo ? phylloId(personaRandom) : null, createdAt,
    });
    for (const platform of platforms) {
      const connection = platform.source !== 'phyllo' ? 'NOT_CONNECTED' : persona.handle === 'avabrookslive' && platform.network === 'TWITCH' ? 'ERROR' : persona.handle === 'chloeadams.style' ? 'DISCONNECTED' : 'CONNECTED';
      const following = personaRandom.int(80, 1800);
      const posts = Math.round(POSTS_PER_WEEK[platform.network] * personaRandom.float(40, 160));
      platformRows.push({
        id: platform.id, organizationId, creatorId, network: platform.network, handle: platform.handle, url: profileUrl(platform.network, platform.handle), connection,
        connectionError: connection === 'ERROR' ? 'Twitch refused the token (expired): the creator must reconnect Twitch' : null,
        phylloAccountId: platform.source === 'phyllo' ? phylloId(personaRandom) : null,
        followers: platform.followers, following, engagementRate: platform.engagementRate.toFixed(6), averageViews: platform.averageViews,
        averageLikes: Math.round(platform.followers * platform.engagementRate * 0.9), averageComments: Math.round(platform.followers * platform.engagementRate * 0.05),
        postsCount: posts, metricsSource: platform.source, lastSyncedAt: platform.syncedAt, createdAt,
      });
      weeklySnapshots(writer, personaRandom, calendar, organizationId, platform, following, posts);
      if (platform.followers >= 5_000 && (platform === main || personaRandom.chance(0.6))) {
        const asOf = calendar.date(platform.syncedAt ? calendar.indexOf(platform.syncedAt) : today - personaRandom.int(3, 20));
        for (const slice of audience(personaRandom, persona, platform.network)) audienceRows.push([platform.id, asOf, slice.dimension, slice.value, slice.share, platform.source === 'phyllo' ? 'phyllo' : 'manual']);
      }
    }
    creators.push({ id: creatorId, contactId, persona, platforms, feeRanges, rateCard });
  }
  await inChunks(contactRows, (data) => tx.contact.createMany({ data }));
  await inChunks(emailRows, (data) => tx.contactEmail.createMany({ data }));
  await tx.creator.createMany({ data: creatorRows });
  await tx.creatorPlatform.createMany({ data: platformRows });
  await writeAudience(tx, organizationId, audienceRows);

  // Recent content: 4-10 posts each, mostly on the main network.
  const contents: ContentSpec[] = [];
  for (const creator of creators) {
    const contentRandom = random.fork(`content-${creator.persona.handle}`);
    // 4-10 pieces in all, counting what they delivered for the creator campaigns.
    const delivered = [...RELEASE_PLAN, ...BRAND_PLAN].filter((plan) => plan.handle === creator.persona.handle).reduce((sum, plan) => sum + (plan.content?.length ?? 0), 0);
    const count = contentRandom.int(Math.max(2, 4 - delivered), 10 - delivered);
    for (let index = 0; index < count; index++) {
      const platform = index < count - 2 || creator.platforms.length === 1 ? creator.platforms[0]! : contentRandom.pick(creator.platforms);
      const day = today - 1 - Math.floor((index * 56) / count) - contentRandom.int(0, 3);
      contents.push({ platform, caption: caption(contentRandom, creator.persona), format: formatOf(contentRandom, platform.network, creator.persona.kind), publishedAt: moment(day, contentRandom.int(8 * 60, 22 * 60)) });
    }
  }

  // The creator campaigns, their assignments and the content delivered for them.
  const campaigns = await writeCampaigns({ ...input, members, creators, companyIds, contents, moment, activities });

  const contentRandom = random.fork('content-figures');
  const written = new Date();
  const seen = new Set<string>();
  for (const spec of contents) {
    const { platform } = spec;
    let url = postUrl(contentRandom, platform.network, platform.handle, spec.format);
    while (seen.has(url)) url = postUrl(contentRandom, platform.network, platform.handle, spec.format);
    seen.add(url);
    const link = parseContentLink(url);
    const id = uuidV7();
    const row = {
      id, organizationId, creatorId: platform.creatorId, creatorPlatformId: platform.id, externalId: link.externalId, url: link.normalisedUrl, format: spec.format,
      publishedAt: spec.publishedAt, caption: spec.caption, campaignCreatorId: spec.campaignCreatorId ?? null, createdAt: written, updatedAt: written,
      views: null as string | null, likes: null as string | null, comments: null as string | null, shares: null as string | null, saves: null as string | null, lastSyncedAt: null as Date | null,
    };
    if (!spec.publishedAt) {
      writer.add(contentTable, row);
      continue;
    }
    const ageDays = (calendar.today.getTime() - spec.publishedAt.getTime()) / DAY_MS;
    const views = Math.round(platform.averageViews * Math.exp(contentRandom.float(-0.8, 1)) * (spec.boost ?? 1) * (platform.network === 'TWITCH' ? 40 : 1));
    const likeRate = Math.min(0.25, platform.engagementRate * (platform.followers / Math.max(1, platform.averageViews)) * contentRandom.float(0.6, 1.1));
    const total = { views, likes: Math.round(views * likeRate), comments: 0, shares: 0, saves: 0 };
    total.comments = Math.round(total.likes * contentRandom.float(0.015, 0.06));
    total.shares = Math.round(total.likes * contentRandom.float(0.03, 0.15));
    total.saves = Math.round(total.likes * contentRandom.float(0.02, 0.1));
    // Figures grow fast the first days, then flatten: snapshots at 1, 3, 7 and 14 days.
    const points = ([[1, 0.55], [3, 0.8], [7, 0.93], [14, 1]] as const).filter(([days]) => days <= ageDays);
    const figuresAt = (fraction: number) => ({
      views: String(Math.round(total.views * fraction)), likes: String(Math.round(total.likes * fraction)), comments: String(Math.round(total.comments * fraction)),
      shares: String(Math.round(total.shares * fraction)), saves: String(Math.round(total.saves * fraction)),
    });
    writer.add(contentTable, { ...row, ...figuresAt(points.length ? points[points.length - 1]![1] : 0.35), lastSyncedAt: platform.syncedAt });
    for (const [days, fraction] of points) {
      writer.add(contentSnapshots, { organizationId, contentId: id, capturedAt: new Date(spec.publishedAt.getTime() + days * DAY_MS), ...figuresAt(fraction) });
    }
  }
  await writer.finish();
  await inChunks(activities, (data) => tx.activity.createMany({ data: data as never }));

  const creatorIds = creators.map((creator) => creator.id);
  // Search documents, written in one statement from what was just generated (the newest captions
  // first, as refreshSearchDocuments reads them); refreshSearchDocuments then finds them current
  // and adds the vectors where the database has pgvector (the offline embedder, inline).
  await writeSearchDocuments(tx, organizationId, creators, contents);
  await refreshSearchDocuments(tx as unknown as ToolDb, organizationId, creatorIds);
  const embedded = await tx.creatorEmbedding.count({ where: { organizationId } });

  return {
    creatorIds,
    counts: {
      Company: agencyRows.length,
      Contact: contactRows.length,
      ContactEmail: emailRows.length,
      Activity: activities.length,
      Creator: creatorRows.length,
      CreatorPlatform: platformRows.length,
      AudienceSlice: audienceRows.length,
      ...writer.counts(),
      ...campaigns,
      ...(embedded ? { CreatorEmbedding: embedded } : {}),
    },
  };
}

/** Each creator's search document as searchDocumentText builds it from the rows written (contents in insertion order). */
async function writeSearchDocuments(tx: Transaction, organizationId: string, creators: SeedCreator[], contents: ContentSpec[]): Promise<void> {
  const documents = creators.map((creator) => {
    const captions = contents
      .map((spec, index) => ({ spec, index }))
      .filter(({ spec }) => spec.platform.creatorId === creator.id && spec.caption)
      .sort((a, b) => (b.spec.publishedAt?.getTime() ?? -Infinity) - (a.spec.publishedAt?.getTime() ?? -Infinity) || b.index - a.index)
      .slice(0, RECENT_CAPTIONS)
      .map(({ spec }) => spec.caption);
    const { name, handle, bio, niches, genres } = creator.persona;
    return searchDocumentText({ name, handle, bio, niches, genres, captions });
  });
  await tx.$executeRawUnsafe(
    `UPDATE "Creator" c SET "searchDocument" = d.document FROM unnest($2::text[], $3::text[]) AS d(id, document) WHERE c."organizationId" = $1 AND c.id = d.id`,
    organizationId, creators.map((creator) => creator.id), documents,
  );
}

interface Member { id: string; name: string }

/** The owner and the two members the CRM seed added (they own the creators' contacts and campaigns). */
async function demoMembers(input: CreatorSeedInput): Promise<{ owner: Member; sam: Member; maria: Member }> {
  const users = await input.tx.user.findMany({
    where: { OR: [{ id: input.ownerUserId }, { email: { in: [`sam.lee@${input.slug}.example`, `maria.ortiz@${input.slug}.example`] } }] },
    select: { id: true, name: true, email: true },
  });
  const find = (match: (user: (typeof users)[number]) => boolean) => {
    const user = users.find(match) ?? users.find((candidate) => candidate.id === input.ownerUserId)!;
    return { id: user.id, name: user.name ?? user.email };
  };
  return {
    owner: find((user) => user.id === input.ownerUserId),
    sam: find((user) => user.email.startsWith('sam.lee@')),
    maria: find((user) => user.email.startsWith('maria.ortiz@')),
  };
}

/** A version 7 UUID for a row created at `at` (as crm.ts makes them): lists that read newest first by id see the seeded history in order. */
function idAt(at: Date): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(at.getTime(), 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A timeline event as recordActivity writes it: one row per subject, sharing data.event_id. */
function activity(organizationId: string, actor: Member, subjects: Array<[string, string]>, kind: string, summary: string, occurredAt: Date, data: Record<string, unknown> = {}): Array<Record<string, unknown>> {
  const eventId = randomUUID();
  return subjects.map(([subjectType, subjectId]) => ({ id: idAt(occurredAt), organizationId, actorUserId: actor.id, surface: 'WEB', subjectType, subjectId, kind, summary, data: { ...data, event_id: eventId }, occurredAt }));
}

/** A platform's latest figures: engagement falls with size, views follow the network's habits. */
function platformOf(random: Random, calendar: SeedCalendar, creatorId: string, persona: Persona, network: CreatorNetwork, followers: number, index: number): SeedPlatform {
  const engagementRate = Math.min(0.25, Math.max(0.004, BASE_ENGAGEMENT[network] * Math.pow(followers / 10_000, -0.2) * random.noise(0.25)));
  const averageViews = Math.round(followers * VIEWS_PER_FOLLOWER[network] * random.noise(0.3) * (persona.trend === 'declining' ? 0.55 : 1));
  const source = persona.phyllo && index === 0 ? 'phyllo' : random.chance(0.45) ? 'import' : 'manual';
  const syncedAt = source === 'phyllo' ? calendar.at(calendar.days - (persona.handle === 'avabrookslive' && network === 'TWITCH' ? 5 : persona.handle === 'chloeadams.style' ? 12 : 0), 3 * 60 + random.int(0, 90)) : null;
  const handle = network === 'YOUTUBE' || network === 'TWITCH' ? persona.handle.replace(/\./g, '') : persona.handle;
  return { id: uuidV7(), creatorId, persona, network, handle, followers, engagementRate, averageViews, source, syncedAt };
}

/** 8-12 weekly figures leading to today's, growing, steady or declining with the persona's trend. */
function weeklySnapshots(writer: BulkWriter, random: Random, calendar: SeedCalendar, organizationId: string, platform: SeedPlatform, following: number, posts: number): void {
  const weeks = random.int(8, 12);
  const trend = platform.persona.trend;
  const growth = trend === 'rising' ? random.float(0.02, 0.05) : trend === 'declining' ? -random.float(0.012, 0.02) : random.float(0.002, 0.008);
  const last = platform.syncedAt ?? calendar.at(calendar.days - 1, 6 * 60);
  const perWeek = POSTS_PER_WEEK[platform.network];
  for (let week = 0; week < weeks; week++) {
    const factor = week === 0 ? 1 : Math.pow(1 + growth, -week) * random.noise(0.004);
    writer.add(platformSnapshots, {
      organizationId, creatorPlatformId: platform.id, capturedAt: new Date(last.getTime() - week * 7 * DAY_MS),
      followers: Math.round(platform.followers * factor), following: Math.max(0, following - week * random.int(0, 4)),
      engagementRate: (platform.engagementRate * (week === 0 ? 1 : random.noise(0.08) * (trend === 'declining' ? 1 + week * 0.02 : 1))).toFixed(6),
      averageViews: Math.round(platform.averageViews * (week === 0 ? 1 : factor * random.noise(0.1) * (trend === 'declining' ? 1 + week * 0.04 : 1))),
      averageLikes: Math.round(platform.followers * factor * platform.engagementRate * 0.9), averageComments: Math.round(platform.followers * factor * platform.engagementRate * 0.05),
      postsCount: Math.max(0, Math.round(posts - week * perWeek)), source: platform.source,
    });
  }
}

/** AudienceSlice rows in one statement (its dimension is an enum, which the bulk writer's casts do not cover). */
async function writeAudience(tx: Transaction, organizationId: string, rows: Array<[string, Date, string, string, number, string]>): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "AudienceSlice" (id, "organizationId", "creatorPlatformId", "asOf", dimension, value, share, source)
     SELECT id, $2, platform, as_of, dimension::"AudienceDimension", value, share, source
     FROM unnest($1::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::numeric[], $8::text[]) AS t(id, platform, as_of, dimension, value, share, source)`,
    rows.map(() => uuidV7()), organizationId, rows.map((row) => row[0]), rows.map((row) => row[1].toISOString().slice(0, 10)),
    rows.map((row) => row[2]), rows.map((row) => row[3]), rows.map((row) => row[4]), rows.map((row) => row[5]),
  );
}

// ───────────── creator campaigns ─────────────

type Status = 'INVITED' | 'ACCEPTED' | 'DECLINED' | 'CONTENT_SUBMITTED' | 'CONTENT_APPROVED' | 'PUBLISHED';

interface AssignmentPlan {
  handle: string;
  status: Status;
  /** [network, format, count, due (days from today)]; the fee follows from the creator's contract and rate card. */
  deliverables: Array<[CreatorNetwork, string, number, number]>;
  /** Pieces published (days ago) or submitted as drafts (null), per deliverable line in order. */
  content?: Array<[number, number | null]>;
  notes?: string;
  /** Invited this many days ago (default: the campaign's start). */
  invitedDaysAgo?: number;
}

/** The release the first campaign promotes: a Spanish-language reggaeton single. */
export const DEMO_RELEASE_TITLE = 'Noche de Neón';
export const DEMO_CREATOR_CAMPAIGNS = { release: `${DEMO_RELEASE_TITLE} launch: creators in Mexico and LatAm`, brand: 'Lumen Headphones: Studio Sessions' } as const;

/** What one piece costs the agency: the contract's fee range for the format (this network's, else any), else the rate card's price, else the usual price for the creator's size. */
function linePrice(creator: SeedCreator, network: CreatorNetwork, format: string): number {
  const name = network.toLowerCase();
  const ranges = creator.feeRanges.filter((range) => range.format === format);
  const range = ranges.find((candidate) => candidate.network === name) ?? ranges.find((candidate) => !candidate.network);
  if (range) return range.min! + (range.max! - range.min!) * 0.4;
  const rate = creator.rateCard.find((line) => line.network === name && line.format === format && line.currency === 'USD');
  if (rate) return rate.price! * 0.95;
  const platform = creator.platforms.find((candidate) => candidate.network === network)!;
  return (platform.followers / 1000) * PRICE_PER_1K[network] * (FORMAT_FACTOR[format] ?? 1) * 0.9;
}

/** The CRM's brand partner (crm.ts) whose campaign books tech and music reviewers. */
const BRAND_PARTNER = 'Lumen Headphones';

/** The published assignment the demo's approvals pay through pay_creator (it is PUBLISHED until then). */
export const DEMO_PAYABLE_CREATOR = 'valecruzmx';

const RELEASE_PLAN: AssignmentPlan[] = [
  { handle: 'valecruzmx', status: 'PUBLISHED', deliverables: [['TIKTOK', 'video', 2, -6]], content: [[0, 10], [0, 7]], notes: 'Both videos live; invoice received.' },
  { handle: 'sofiaramirezbaila', status: 'PUBLISHED', deliverables: [['TIKTOK', 'video', 3, -2]], content: [[0, 12], [0, 8], [0, 3]] },
  { handle: 'elprofeurbano', status: 'CONTENT_APPROVED', deliverables: [['YOUTUBE', 'video', 1, 3]], content: [[0, null]], notes: 'Review cut approved; goes live Friday.' },
  { handle: 'camiortega', status: 'CONTENT_SUBMITTED', deliverables: [['INSTAGRAM', 'reel', 1, 2], ['INSTAGRAM', 'story', 2, 2]], content: [[0, null]] },
  { handle: 'diegosalasmx', status: 'ACCEPTED', deliverables: [['YOUTUBE', 'video', 1, -4]], notes: 'Reaction video promised for launch week; two reminders sent.' },
  { handle: 'luciafdz.baila', status: 'ACCEPTED', deliverables: [['TIKTOK', 'video', 2, 8]], invitedDaysAgo: 5 },
  { handle: 'andrespena.beats', status: 'INVITED', deliverables: [['TIKTOK', 'video', 1, 12]], invitedDaysAgo: 2 },
  { handle: 'marianatorres.mx', status: 'DECLINED', deliverables: [['INSTAGRAM', 'reel', 1, 5]], notes: 'Declined: booked by another label that week.' },
];

const BRAND_PLAN: AssignmentPlan[] = [
  { handle: 'olliegrantgear', status: 'PUBLISHED', deliverables: [['YOUTUBE', 'video', 1, -12]], content: [[0, 14]] },
  { handle: 'jonahreedmusic', status: 'PUBLISHED', deliverables: [['YOUTUBE', 'video', 1, -5], ['TIKTOK', 'video', 1, -5]], content: [[0, 9], [1, 6]] },
  { handle: 'priyalistens', status: 'CONTENT_SUBMITTED', deliverables: [['YOUTUBE', 'video', 1, 1]], content: [[0, null]] },
  { handle: 'kainakamura', status: 'ACCEPTED', deliverables: [['TWITCH', 'live', 1, 6]] },
  { handle: 'svenlarsen.synth', status: 'ACCEPTED', deliverables: [['YOUTUBE', 'video', 1, 10]], invitedDaysAgo: 8 },
  { handle: 'rubychenpiano', status: 'INVITED', deliverables: [['YOUTUBE', 'short', 2, 14]], invitedDaysAgo: 3 },
];

interface CampaignInput extends CreatorSeedInput {
  members: { owner: Member; sam: Member; maria: Member };
  creators: SeedCreator[];
  companyIds: Map<string, string>;
  contents: ContentSpec[];
  moment: (day: number, minutes?: number) => Date;
  /** The timeline rows being gathered: the campaign tools' events are added to them. */
  activities: Array<Record<string, unknown>>;
}

async function writeCampaigns(input: CampaignInput): Promise<Record<string, number>> {
  const { tx, calendar, organizationId, members, creators, moment } = input;
  const today = calendar.days;
  const artists = input.clients.flatMap((client) => client.artists.map((artist) => ({ client, artist })));
  const { client, artist } = artists.find((entry) => entry.artist.genre === 'latin') ?? artists[0]!;
  const clientRow = await tx.client.findFirstOrThrow({ where: { organizationId, id: client.id }, select: { companyId: true } });
  const releaseCreatedAt = moment(today - 40);
  const releaseId = idAt(releaseCreatedAt);
  await tx.release.create({
    data: {
      id: releaseId, organizationId, title: DEMO_RELEASE_TITLE, artistName: artist.name, kind: 'SINGLE', releaseDate: calendar.date(today - 9),
      links: { smart_link: 'https://lnk.to/nochedeneon', pre_save: 'https://lnk.to/nochedeneon-presave' }, genre: 'reggaeton', mood: 'night-time, warm',
      keyPoints: ['Spanish-language reggaeton single', `${artist.name}'s first release of the season`, 'Dance hook built for TikTok'], createdById: members.maria.id,
      createdAt: releaseCreatedAt,
    },
  });
  const launchCreatedAt = moment(today - 25);
  const brandCreatedAt = moment(today - 36);
  const campaigns = [
    {
      plan: RELEASE_PLAN, mention: `#NocheDeNeon ${DEMO_RELEASE_TITLE} by ${artist.name}`, owner: members.maria,
      row: {
        id: idAt(launchCreatedAt), organizationId, name: DEMO_CREATOR_CAMPAIGNS.release, companyId: clientRow.companyId, clientId: client.id, releaseId, objective: 'VIDEO_VIEWS' as const,
        startsOn: calendar.date(today - 18), endsOn: calendar.date(today + 24), status: 'ACTIVE' as const, ownerId: members.maria.id, createdAt: launchCreatedAt,
      },
    },
    {
      plan: BRAND_PLAN, mention: '#LumenStudioSessions with Lumen Headphones', owner: members.sam,
      row: {
        id: idAt(brandCreatedAt), organizationId, name: DEMO_CREATOR_CAMPAIGNS.brand, companyId: input.companyIds.get(BRAND_PARTNER) ?? null, objective: 'AWARENESS' as const,
        startsOn: calendar.date(today - 30), endsOn: calendar.date(today + 30), status: 'ACTIVE' as const, ownerId: members.sam.id, createdAt: brandCreatedAt,
      },
    },
  ];
  const campaignRows: Prisma.CampaignCreateManyInput[] = [];
  const assignmentRows: Prisma.CampaignCreatorCreateManyInput[] = [];
  const deliverableRows: Prisma.CampaignDeliverableCreateManyInput[] = [];
  for (const { plan, mention, owner, row: campaign } of campaigns) {
    const startDay = calendar.indexOf(campaign.startsOn);
    const committed = new Map<CreatorNetwork, number>();
    for (const spec of plan) {
      const creator = creators.find((candidate) => candidate.persona.handle === spec.handle);
      if (!creator) throw new Error(`the creator campaign plan names @${spec.handle}, who is not a demo creator`);
      const invited = moment(spec.invitedDaysAgo !== undefined ? today - spec.invitedDaysAgo : startDay + 1);
      const id = idAt(invited);
      // The fee the contract allows (or the rate card's price) for each line, as assign_creator checks it.
      const lines = spec.deliverables.map(([network, format, count]) => ({ network, cost: linePrice(creator, network, format) * count }));
      const fee = round(lines.reduce((sum, line) => sum + line.cost, 0), 50);
      if (spec.status !== 'DECLINED') for (const line of lines) committed.set(line.network, (committed.get(line.network) ?? 0) + line.cost);
      assignmentRows.push({ id, organizationId, campaignId: campaign.id, creatorId: creator.id, fee: fee.toFixed(4), currency: 'USD', status: spec.status, notes: spec.notes ?? null, createdAt: invited });
      for (const [network, format, count, due] of spec.deliverables) deliverableRows.push({ organizationId, campaignCreatorId: id, network, format, count, dueOn: calendar.date(today + due) });
      // The timeline the campaign tools would have written on the creator's contact and the campaign's company.
      const label = `${creator.persona.name} (@${creator.persona.handle})`;
      const event = (kind: string, summary: string, at: Date, data: Record<string, unknown> = {}) => input.activities.push(...activity(
        organizationId, owner, [['contact', creator.contactId], ...(campaign.companyId ? [['company', campaign.companyId] as [string, string]] : [])], kind, summary, at,
        { creator_campaign_id: campaign.id, assignment_id: id, creator_id: creator.id, ...data },
      ));
      const phrase = deliverablesPhrase(spec.deliverables.map(([network, format, count, due]) => ({ network: network.toLowerCase(), format, count, due_on: calendar.iso(today + due) })));
      event('creator_assigned', `${owner.name} invited ${label} to creator campaign '${campaign.name}' for ${amountText(fee, 'USD')}: ${phrase}`, invited, { fee, currency: 'USD' });
      const answered = new Date(invited.getTime() + DAY_MS * (spec.status === 'DECLINED' ? 2 : 1));
      const changed = (from: Status, to: Status, at: Date, reason?: string) => event('assignment_status_changed', `${owner.name} updated ${label} on creator campaign '${campaign.name}': ${STATUS_LABELS[from]} -> ${STATUS_LABELS[to]}${reason ? ` (${reason})` : ''}`, at, { from_status: from, to_status: to });
      if (spec.status === 'DECLINED') changed('INVITED', 'DECLINED', answered, spec.notes?.replace(/^Declined: /, '').replace(/\.$/, ''));
      else if (spec.status !== 'INVITED') changed('INVITED', 'ACCEPTED', answered);
      let status: Status = 'ACCEPTED';
      for (const [line, daysAgo] of spec.content ?? []) {
        const submittedAt = daysAgo === null ? moment(today - (spec.status === 'CONTENT_APPROVED' ? 4 : 2)) : moment(today - daysAgo, 18 * 60 + 120);
        const next: Status = daysAgo === null ? 'CONTENT_SUBMITTED' : 'PUBLISHED';
        const move = next !== status && !(status === 'PUBLISHED') ? `: ${STATUS_LABELS[status]} -> ${STATUS_LABELS[next]}` : '';
        event('content_submitted', `${owner.name} recorded 1 content link (${spec.deliverables[line]![0].toLowerCase()}) from ${label} for creator campaign '${campaign.name}'${move}`, submittedAt, move ? { from_status: status, to_status: next } : {});
        if (move) status = next;
      }
      if (spec.status === 'CONTENT_APPROVED') changed('CONTENT_SUBMITTED', 'CONTENT_APPROVED', moment(today - 1));
      for (const [line, daysAgo] of spec.content ?? []) {
        const [network, format] = spec.deliverables[line]!;
        const platform = creator.platforms.find((candidate) => candidate.network === network);
        if (!platform) throw new Error(`@${spec.handle} delivers on ${network}, which is not one of their platforms`);
        const persona = creator.persona;
        const piece = (spec.content ?? []).findIndex((entry) => entry[1] === daysAgo);
        const words = persona.languages[0] === 'es'
          ? [`Ya salió ${mention} 🔥 ¿ya la bailaste?`, `Parte 2: el paso del coro de ${mention} 💃`, `Último video con ${mention}, gracias por los duetos 🙌`][piece % 3]
          : [`${mention}: my honest take 🎧`, `${mention}, part 2: the details nobody mentions`][piece % 2];
        input.contents.push({ platform, caption: `${words} #ad`, format, publishedAt: daysAgo === null ? null : moment(today - daysAgo, 18 * 60), campaignCreatorId: id, boost: 1.6 });
      }
    }
    // The budget leaves about 15% headroom over what is booked; each network gets what its bookings cost, with the same headroom.
    const networkBudgets = Object.fromEntries([...committed].map(([network, cost]) => [network, round(cost * 1.15, 500)]));
    const budget = Object.values(networkBudgets).reduce((sum, value) => sum + value, 0) + 1000;
    campaignRows.push({ ...campaign, networks: [...committed.keys()], budget: budget.toFixed(4), currency: 'USD', networkBudgets });
  }
  await tx.campaign.createMany({ data: campaignRows });
  await tx.campaignCreator.createMany({ data: assignmentRows });
  await tx.campaignDeliverable.createMany({ data: deliverableRows });
  return { Release: 1, Campaign: campaignRows.length, CampaignCreator: assignmentRows.length, CampaignDeliverable: deliverableRows.length };
}
