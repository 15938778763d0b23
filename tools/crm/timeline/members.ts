import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import { invalidInput } from '../../registry/errors.ts';
import { memberNames } from './actor-name.ts';

/** A member named by email (any case), or "me" where the tool says so. */
export const memberEmail = z.string().trim().min(2).max(320).transform((email) => email.toLowerCase());

/**
 * The user id of the member with this email ("me" is the caller where `allowMe`); an email that is
 * not a member of this organisation is invalid_input naming it, on `path`.
 */
export async function resolveMember(ctx: Pick<ToolContext, 'db' | 'actor'>, path: string, email: string, allowMe = false): Promise<string> {
  if (allowMe && email === 'me') {
    if (!ctx.actor.userId) throw invalidInput(path, '"me" needs a signed-in member; give an email instead');
    return ctx.actor.userId;
  }
  const membership = await ctx.db.membership.findFirst({ where: { user: { email: { equals: email, mode: 'insensitive' } } }, select: { userId: true } });
  if (!membership) throw invalidInput(path, `${email} is not a member of this organisation`);
  return membership.userId;
}

/** Display name (name, else email) of each member id given; null ids stay out. */
export async function memberLabels(ctx: Pick<ToolContext, 'db'>, ids: ReadonlyArray<string | null | undefined>): Promise<Map<string, string>> {
  return memberNames(ctx, ids.filter((id): id is string => typeof id === 'string'));
}

/** How a person is shown in an output: their name or email, null when none (or no longer a member). */
export function labelOf(labels: ReadonlyMap<string, string>, id: string | null | undefined): string | null {
  return id ? (labels.get(id) ?? null) : null;
}

/** A member's email, as the update tools take an owner; null for none (or no longer a member). */
export async function memberEmailOf(ctx: Pick<ToolContext, 'db'>, id: string | null | undefined): Promise<string | null> {
  if (!id) return null;
  const membership = await ctx.db.membership.findFirst({ where: { userId: id }, select: { user: { select: { email: true } } } });
  return membership?.user.email ?? null;
}

/** The owner's email beside the owner's name in a record's answer: what an edit form fills its owner field with. */
export const ownerEmailOutput = z.string().nullable().describe("The owner's email (what the update tools take as owner); null for nobody.");
