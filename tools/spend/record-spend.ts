import { z } from 'zod';
import { uuidV7 } from '../../db/uuid-v7.ts';
import { isoDate, parseDay } from '../common/format.ts';
import { defineTool } from '../registry/define-tool.ts';
import { conflict } from '../registry/errors.ts';
import { artistName, campaignNameInput, currencyCode, moneyAmount, platformName } from './inputs.ts';
import { spendEntryView, viewSpendEntry } from './spend-entry.ts';

const count = z.int().min(0).max(2_147_483_647);

/**
 * One spend entry typed in by a person or the agent. Unlike imported rows (daily totals keyed by
 * date, channel, campaign and artist) each call is its own entry; `idempotency_key` makes a retried
 * call return the entry it already stored instead of counting the money twice.
 */
export const recordSpend = defineTool({
  name: 'record_spend',
  title: 'Record a spend entry',
  description:
    'Stores one marketing spend entry (date, channel, amount in its currency; optional campaign, artist, impressions, clicks) and returns it with its id. ' +
    'Pass idempotency_key to make retries safe: the same key returns the stored entry; the same key with different values is a conflict.',
  area: 'attribution',
  access: 'write',
  permission: 'attribution:write',
  hints: { idempotent: false },
  input: z.object({
    date: isoDate.describe('Day the money was spent, YYYY-MM-DD.'),
    channel: platformName.describe('Channel such as meta, google, tiktok, spotify_marquee (normalised: trimmed, lower-case).'),
    campaign: campaignNameInput.optional().describe('Campaign name, as in imported spend.'),
    artist: artistName.optional().describe('Artist the spend promotes.'),
    amount: moneyAmount.describe('Amount spent (>= 0, up to 4 decimals) in `currency`, as a number or a decimal string.'),
    currency: currencyCode.describe('ISO code of amount, e.g. USD.'),
    impressions: count.optional(),
    clicks: count.optional(),
    idempotency_key: z.string().trim().min(1).max(200).optional().describe('Any unique string from the caller; a retry with the same key stores nothing new.'),
  }),
  output: spendEntryView.extend({
    idempotency_key: z.string().nullable(),
    created: z.boolean().describe('false when idempotency_key matched an entry stored earlier (nothing was stored now).'),
  }),
  example: { date: '2026-10-01', channel: 'meta', campaign: 'autumn-push', artist: 'Example Artist', amount: 120, currency: 'USD', idempotency_key: 'invoice-4411' },
  async handler(ctx, input) {
    const entry = {
      date: parseDay(input.date),
      channel: input.channel,
      campaign: input.campaign ?? null,
      artist: input.artist ?? null,
      amount: input.amount,
      currency: input.currency,
      impressions: input.impressions ?? null,
      clicks: input.clicks ?? null,
    };
    const dedupeKey = `record:${input.idempotency_key ?? uuidV7()}`;
    const existing = input.idempotency_key ? await ctx.db.marketingSpend.findFirst({ where: { dedupeKey } }) : null;
    if (existing) {
      const view = viewSpendEntry(existing);
      const asked = viewSpendEntry({ ...entry, id: existing.id });
      if (JSON.stringify(view) !== JSON.stringify(asked)) {
        throw conflict(`idempotency_key "${input.idempotency_key}" was already used for a different spend entry (${existing.id}: ${view.amount} ${view.currency} on ${view.channel}, ${view.date}); use a new key for a new entry.`);
      }
      return { ...view, idempotency_key: input.idempotency_key ?? null, created: false };
    }
    const stored = await ctx.db.marketingSpend.create({ data: { ...entry, organizationId: ctx.orgId, dedupeKey, source: 'record' } });
    return { ...viewSpendEntry(stored), idempotency_key: input.idempotency_key ?? null, created: true };
  },
});
