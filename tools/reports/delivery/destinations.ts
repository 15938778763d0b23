import { normaliseEmail } from '../../access/organizations.ts';
import type { ToolContext } from '../../registry/context.ts';
import { invalidInput } from '../../registry/errors.ts';

/** A Slack channel id (C0123ABCD, or G... for private) or #name. */
export const SLACK_CHANNEL = /^(?:[CG][A-Z0-9]{6,}|#[a-z0-9][a-z0-9._-]{0,79})$/;

/**
 * The channel as stored. Posting needs the organisation's own Slack workspace (one the bot was
 * installed in for it), so a channel is refused when none is connected: otherwise an organisation
 * without Slack could have its figures posted into another's workspace.
 */
export async function slackChannelOf(ctx: ToolContext, channel: string | undefined): Promise<string | null> {
  if (channel === undefined) return null;
  const trimmed = channel.trim();
  if (!SLACK_CHANNEL.test(trimmed)) throw invalidInput('slack_channel', `"${channel}" is not a Slack channel id (C0123ABCD) or #channel-name`);
  const workspace = await ctx.db.slackWorkspace.findFirst({ select: { id: true } });
  if (!workspace) throw invalidInput('slack_channel', 'no Slack workspace is connected to this organisation: install the Slack app (`/crescendo` in the workspace) first, or deliver by email');
  return trimmed;
}

/** Addresses checked, lower-cased and without repeats. */
export function emailAddresses(emails: readonly string[] | undefined): string[] {
  const addresses = (emails ?? []).map((email, index) => {
    try {
      return normaliseEmail(email);
    } catch {
      throw invalidInput(`emails[${index}]`, `"${email}" is not an email address`);
    }
  });
  return [...new Set(addresses)];
}

/** An IANA time zone, or invalid_input naming the field. */
export function timeZoneOf(zone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    throw invalidInput('time_zone', `"${zone}" is not an IANA time zone (for example Europe/Paris)`);
  }
}
