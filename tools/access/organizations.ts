import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { Role } from '../registry/roles.ts';
import { invalidInput, ToolError } from '../registry/errors.ts';
import { isIsoCurrency, NOT_ISO_CURRENCY } from '../money/currency.ts';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

export interface NewOrganization {
  name: string;
  slug: string;
  baseCurrency?: string;
  timeZone?: string;
  /** The first OWNER; defaults to owner@<slug>.local */
  ownerEmail?: string;
}

/** Creates an organisation with its first OWNER, in one transaction. */
export async function createOrganization(prisma: PrismaClient, input: NewOrganization) {
  const name = input.name.trim();
  if (!name) throw invalidInput('name', 'must not be empty');
  if (!SLUG.test(input.slug)) throw invalidInput('slug', 'use 1-48 lowercase letters, digits and inner hyphens (for example "acme-records")');
  const baseCurrency = (input.baseCurrency ?? 'USD').toUpperCase();
  if (!isIsoCurrency(baseCurrency)) throw invalidInput('base_currency', NOT_ISO_CURRENCY);
  const timeZone = input.timeZone ?? 'UTC';
  if (!isTimeZone(timeZone)) throw invalidInput('time_zone', `"${timeZone}" is not an IANA time zone (for example Europe/Madrid)`);
  const ownerEmail = normaliseEmail(input.ownerEmail ?? `owner@${input.slug}.local`);
  if (await prisma.organization.findUnique({ where: { slug: input.slug } })) {
    throw new ToolError('conflict', `An organisation with slug "${input.slug}" already exists.`);
  }
  return prisma.$transaction(async (tx) => {
    const organization = await tx.organization.create({ data: { name, slug: input.slug, baseCurrency, timeZone } });
    const owner = await tx.user.upsert({ where: { email: ownerEmail }, create: { email: ownerEmail }, update: {} });
    await tx.membership.create({ data: { organizationId: organization.id, userId: owner.id, role: 'OWNER' } });
    return { ...organization, owner };
  });
}

/** Finds an organisation by slug or id. */
export async function findOrganization(prisma: PrismaClient, slugOrId: string) {
  return prisma.organization.findFirst({ where: { OR: [{ slug: slugOrId }, { id: slugOrId }] } });
}

/** Adds a member with `role`, or changes an existing member's role; creates the user when new. */
export async function addMember(prisma: PrismaClient, organizationId: string, email: string, role: Role) {
  return upsertMember(prisma, organizationId, email, role, { changeRole: true });
}

/** The member with this email, added with `role` if not yet a member; an existing member keeps their role. */
export async function ensureMember(prisma: PrismaClient, organizationId: string, email: string, role: Role) {
  return upsertMember(prisma, organizationId, email, role, { changeRole: false });
}

async function upsertMember(prisma: PrismaClient, organizationId: string, email: string, role: Role, options: { changeRole: boolean }) {
  const address = normaliseEmail(email);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.upsert({ where: { email: address }, create: { email: address }, update: {} });
    const membership = await tx.membership.upsert({
      where: { organizationId_userId: { organizationId, userId: user.id } },
      create: { organizationId, userId: user.id, role },
      update: options.changeRole ? { role } : {},
    });
    return { user, membership };
  });
}

/** The member to act as when a trusted local surface (the CLI) names nobody: the first owner. */
export async function defaultOperator(prisma: PrismaClient, organizationId: string) {
  return prisma.membership.findFirst({
    where: { organizationId, role: 'OWNER' },
    orderBy: { createdAt: 'asc' },
    include: { user: true },
  });
}

export function normaliseEmail(email: string): string {
  const address = email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(address)) throw invalidInput('email', `"${email}" is not an email address`);
  return address;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

