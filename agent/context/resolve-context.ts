import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import { can, type Permission } from '../../tools/registry/roles.ts';
import type { Principal } from '../../tools/registry/runner.ts';
import { scopeToOrganization } from '../../tools/registry/tenant-scope.ts';
import type { AgentContext, Display, PageContext, RecordType, SlackPlace } from './question-context.ts';

/** A record the page shows, found in the asker's organisation, with its stored name. */
export interface ShownRecord {
  type: RecordType;
  id: string;
  name: string;
}

/** Where the question comes from, as the session prompt states it. */
export interface QuestionPlace {
  display: Display;
  page?: PageContext;
  /** Absent when the page named none, or one this organisation does not have. */
  record?: ShownRecord;
  slack?: SlackPlace;
}

/** The surface a principal asks through decides the formatting unless the request says otherwise. */
export function displayOf(principal: Principal, context: AgentContext | undefined): Display {
  if (context?.display) return context.display;
  if (principal.surface === 'SLACK') return 'slack';
  return principal.surface === 'CLI' ? 'terminal' : 'web';
}

/**
 * The request's context, checked against the database: the record is read through the
 * organisation-scoped client, so an id from another organisation (or none at all) is dropped
 * without a word, and its name never reaches the prompt.
 */
export async function resolveQuestionPlace(prisma: PrismaClient, principal: Principal, context: AgentContext | undefined): Promise<QuestionPlace> {
  const place: QuestionPlace = { display: displayOf(principal, context) };
  if (context?.page) place.page = context.page;
  if (context?.slack) place.slack = context.slack;
  // A record is named only to a role that may read its kind (every role reads them all today; the
  // check keeps a narrower role from learning names).
  if (context?.record && can(principal.role, READ_PERMISSION[context.record.type])) {
    const name = await recordName(prisma, principal.orgId, context.record.type, context.record.id);
    if (name !== null) place.record = { ...context.record, name };
  }
  return place;
}

const READ_PERMISSION: Record<RecordType, Permission> = {
  campaign: 'campaigns:read', client: 'campaigns:read', vendor: 'campaigns:read', playlist: 'campaigns:read',
  company: 'crm:read', contact: 'crm:read', deal: 'crm:read', creator: 'creators:read',
};

async function recordName(prisma: PrismaClient, orgId: string, type: RecordType, id: string): Promise<string | null> {
  const db = scopeToOrganization(prisma, orgId, { write: false, approvals: false, access: false });
  const where = { id };
  const select = { name: true } as const;
  switch (type) {
    case 'campaign': return (await db.campaignGroup.findFirst({ where, select }))?.name ?? null;
    case 'client': return (await db.client.findFirst({ where, select }))?.name ?? null;
    case 'vendor': return (await db.vendor.findFirst({ where, select }))?.name ?? null;
    case 'playlist': return (await db.playlist.findFirst({ where, select }))?.name ?? null;
    case 'company': return (await db.company.findFirst({ where, select }))?.name ?? null;
    case 'contact': return (await db.contact.findFirst({ where, select }))?.name ?? null;
    case 'deal': return (await db.deal.findFirst({ where, select }))?.name ?? null;
    // A creator is known by their handle (their name is their contact's).
    case 'creator': {
      const creator = await db.creator.findFirst({ where, select: { handle: true, contact: { select: { name: true } } } });
      return creator ? `${creator.contact.name} (@${creator.handle})` : null;
    }
  }
}
