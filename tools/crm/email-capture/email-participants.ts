import type { ToolContext } from '../../registry/context.ts';

/** One address of a captured email, as the message named it. */
export interface EmailAddress {
  address: string;
  name?: string | null;
}

/** A contact an email was about: found by one of its addresses, or created for an unknown one. */
export interface Participant {
  contactId: string;
  name: string;
  email: string;
  created: boolean;
  companyId: string | null;
  companyName: string | null;
}

const CONTACT_COLUMNS = { id: true, name: true, companyId: true, mergedIntoId: true, company: { select: { name: true } } } as const;

/** The capture address itself (crm+slug@host) is never a contact. */
export function isCaptureAddress(address: string): boolean {
  return /^crm\+[^@]*@/i.test(address);
}

/** Members of this organisation by lower-case email, with their display names. */
export async function membersByEmail(ctx: Pick<ToolContext, 'db'>): Promise<Map<string, string>> {
  const members = await ctx.db.membership.findMany({ select: { user: { select: { name: true, email: true } } } });
  return new Map(members.map((member) => [member.user.email.toLowerCase(), member.user.name ?? member.user.email]));
}

/**
 * The contact behind each outside address (neither a member nor the capture address): the one
 * with that email, else a new contact flagged source 'email', named by the display name (else the
 * address) and linked to the active company whose domain is the address's domain.
 */
export async function resolveParticipants(ctx: Pick<ToolContext, 'db' | 'orgId'>, addresses: readonly EmailAddress[], members: ReadonlyMap<string, string>): Promise<Participant[]> {
  const outside = new Map<string, EmailAddress>();
  for (const entry of addresses) {
    const address = entry.address.trim().toLowerCase();
    if (!address.includes('@') || members.has(address) || isCaptureAddress(address) || outside.has(address)) continue;
    outside.set(address, { address, name: entry.name?.trim() || null });
  }
  if (!outside.size) return [];
  const known = await ctx.db.contactEmail.findMany({
    where: { email: { in: [...outside.keys()] } },
    select: { email: true, contact: { select: CONTACT_COLUMNS } },
  });
  const byEmail = new Map(known.map((row) => [row.email, row.contact]));
  // A merged contact's timeline lives on the one it was merged into.
  const mergedInto = [...new Set(known.flatMap((row) => (row.contact.mergedIntoId ? [row.contact.mergedIntoId] : [])))];
  if (mergedInto.length) {
    const survivors = new Map((await ctx.db.contact.findMany({ where: { id: { in: mergedInto } }, select: CONTACT_COLUMNS })).map((contact) => [contact.id, contact]));
    for (const [email, contact] of byEmail) if (contact.mergedIntoId && survivors.has(contact.mergedIntoId)) byEmail.set(email, survivors.get(contact.mergedIntoId)!);
  }
  const participants: Participant[] = [];
  for (const { address, name } of outside.values()) {
    const contact = byEmail.get(address);
    if (contact) {
      participants.push({ contactId: contact.id, name: contact.name, email: address, created: false, companyId: contact.companyId, companyName: contact.company?.name ?? null });
      continue;
    }
    const domain = address.slice(address.lastIndexOf('@') + 1);
    const company = await ctx.db.company.findFirst({ where: { domain, isActive: true, mergedIntoId: null }, select: { id: true, name: true }, orderBy: { createdAt: 'asc' } });
    const created = await ctx.db.contact.create({
      data: {
        organizationId: ctx.orgId,
        name: (name ?? address).slice(0, 200),
        companyId: company?.id ?? null,
        source: 'email',
      },
      select: { id: true, name: true },
    });
    await ctx.db.contactEmail.create({ data: { organizationId: ctx.orgId, contactId: created.id, email: address, isPrimary: true } });
    participants.push({ contactId: created.id, name: created.name, email: address, created: true, companyId: company?.id ?? null, companyName: company?.name ?? null });
  }
  return participants;
}
