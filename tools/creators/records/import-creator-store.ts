import type { CreatorPlatform, Prisma } from '../../../db/generated/prisma/client.ts';
import { uuidV7 } from '../../../db/uuid-v7.ts';
import type { ToolContext } from '../../registry/context.ts';
import { toDbNetwork } from '../networks.ts';
import type { CreatorImportRow } from './import-creator-row.ts';
import { planPlatform, platformData } from './platform-figures.ts';

export interface StoredCreators {
  inserted: number;
  replaced: number;
  /** Contacts of the creators made, and of those changed, for the timeline. */
  created: Array<{ contactId: string; handle: string }>;
  updated: Array<{ contactId: string; handle: string }>;
  /** Creators whose searched text may have changed. */
  touched: string[];
}

type SnapshotRow = Prisma.CreatorPlatformSnapshotCreateManyInput;
const SAME = (a: readonly string[], b: readonly string[] | null) => b === null || (a.length === b.length && a.every((value, index) => value === b[index]));

/**
 * Stores checked rows in a few statements, resolving them again against what is stored now (a
 * queued import stores in batches, and a resumed one meets the rows it stored before): the
 * creator with the handle is updated (only what differs), else one is made on the contact with
 * the email, else on a new contact. Figures that change get a snapshot (source import).
 */
export async function storeCreatorRows(ctx: ToolContext, rows: readonly CreatorImportRow[]): Promise<StoredCreators> {
  const existing = await ctx.db.creator.findMany({ where: { handle: { in: rows.map((row) => row.handle) } }, include: { platforms: true, contact: { include: { emails: true } } } });
  const byHandle = new Map(existing.map((creator) => [creator.handle, creator]));
  const emails = rows.map((row) => row.email).filter((email): email is string => email !== null);
  const owners = emails.length ? await ctx.db.contactEmail.findMany({ where: { email: { in: emails } }, select: { email: true, contactId: true } }) : [];
  const ownerOf = new Map(owners.map((owner) => [owner.email, owner.contactId]));

  const now = ctx.now();
  const contacts: Prisma.ContactCreateManyInput[] = [];
  const contactEmails: Prisma.ContactEmailCreateManyInput[] = [];
  const creators: Prisma.CreatorCreateManyInput[] = [];
  const platforms: Prisma.CreatorPlatformCreateManyInput[] = [];
  const snapshots: SnapshotRow[] = [];
  const outcome: StoredCreators = { inserted: 0, replaced: 0, created: [], updated: [], touched: [] };
  const snapshotOf = (platformId: string, figures: Record<string, unknown>): SnapshotRow => ({
    organizationId: ctx.orgId, creatorPlatformId: platformId, capturedAt: now, source: 'import',
    followers: figures.followers as number | null, following: figures.following as number | null, engagementRate: figures.engagementRate as number | null,
    averageViews: figures.averageViews as number | null, averageLikes: figures.averageLikes as number | null, averageComments: figures.averageComments as number | null, postsCount: figures.postsCount as number | null,
  });

  for (const row of rows) {
    const creator = byHandle.get(row.handle);
    if (!creator) {
      let contactId = row.email ? ownerOf.get(row.email) : undefined;
      if (!contactId) {
        contactId = uuidV7();
        contacts.push({ id: contactId, organizationId: ctx.orgId, name: row.name, lifecycle: 'OTHER', tags: ['creator'], source: 'import' });
        if (row.email) contactEmails.push({ organizationId: ctx.orgId, contactId, email: row.email, isPrimary: true });
      }
      const creatorId = uuidV7();
      creators.push({
        id: creatorId, organizationId: ctx.orgId, contactId, handle: row.handle, bio: row.bio, niches: row.niches ?? [], genres: row.genres ?? [], languages: row.languages ?? [],
        country: row.country, commissionRate: row.commissionRate, notes: row.notes,
      });
      for (const change of row.platforms) {
        const plan = planPlatform(null, change, 'keep');
        const id = uuidV7();
        const data = platformData(null, { ...change, handle: change.handle ?? row.handle }, plan, 'import');
        platforms.push({ id, organizationId: ctx.orgId, creatorId, network: toDbNetwork(change.network), handle: row.handle, ...data });
        if (plan.figuresChanged) snapshots.push(snapshotOf(id, plan.columns));
      }
      outcome.inserted++;
      outcome.created.push({ contactId, handle: row.handle });
      outcome.touched.push(creatorId);
      continue;
    }
    const data = {
      ...(row.bio !== null && row.bio !== creator.bio ? { bio: row.bio } : {}),
      ...(!SAME(creator.niches, row.niches) ? { niches: row.niches! } : {}),
      ...(!SAME(creator.genres, row.genres) ? { genres: row.genres! } : {}),
      ...(!SAME(creator.languages, row.languages) ? { languages: row.languages! } : {}),
      ...(row.country !== null && row.country !== creator.country ? { country: row.country } : {}),
      ...(row.commissionRate !== null && (creator.commissionRate === null || Number(creator.commissionRate) !== row.commissionRate) ? { commissionRate: row.commissionRate } : {}),
      ...(row.notes !== null && row.notes !== creator.notes ? { notes: row.notes } : {}),
    };
    let changed = Object.keys(data).length > 0;
    if (changed) await ctx.db.creator.update({ where: { id: creator.id }, data });
    if ('bio' in data || 'niches' in data || 'genres' in data) outcome.touched.push(creator.id);
    // A new address joins their contact when no contact has it (the primary stays).
    if (row.email && !creator.contact.emails.some((email) => email.email === row.email) && !ownerOf.has(row.email)) {
      contactEmails.push({ organizationId: ctx.orgId, contactId: creator.contactId, email: row.email, isPrimary: creator.contact.emails.length === 0 });
      changed = true;
    }
    for (const change of row.platforms) {
      const stored: CreatorPlatform | null = creator.platforms.find((platform) => platform.network === toDbNetwork(change.network)) ?? null;
      const plan = planPlatform(stored, change, 'keep');
      if (!plan.changed) continue;
      changed = true;
      const platformChange = { ...change, handle: change.handle ?? (stored ? undefined : creator.handle) };
      if (!stored) {
        const id = uuidV7();
        platforms.push({ id, organizationId: ctx.orgId, creatorId: creator.id, network: toDbNetwork(change.network), handle: creator.handle, ...platformData(null, platformChange, plan, 'import') });
        if (plan.figuresChanged) snapshots.push(snapshotOf(id, plan.columns));
        continue;
      }
      await ctx.db.creatorPlatform.update({ where: { id: stored.id }, data: platformData(stored, platformChange, plan, 'import') });
      if (plan.figuresChanged) snapshots.push(snapshotOf(stored.id, { ...stored, engagementRate: stored.engagementRate === null ? null : Number(stored.engagementRate), ...plan.columns }));
    }
    if (changed) {
      outcome.replaced++;
      outcome.updated.push({ contactId: creator.contactId, handle: row.handle });
    }
  }
  if (contacts.length) await ctx.db.contact.createMany({ data: contacts });
  if (contactEmails.length) await ctx.db.contactEmail.createMany({ data: contactEmails });
  if (creators.length) await ctx.db.creator.createMany({ data: creators });
  if (platforms.length) await ctx.db.creatorPlatform.createMany({ data: platforms });
  if (snapshots.length) await ctx.db.creatorPlatformSnapshot.createMany({ data: snapshots, skipDuplicates: true });
  return outcome;
}
