import { z } from 'zod';
import { money, moneyOrNull } from '../common/format.ts';
import { fxSegmentsToBase, rateAt } from '../money/fx.ts';
import { defineTool } from '../registry/define-tool.ts';
import { notFound } from '../registry/errors.ts';
import { loadAttributionSettings } from './engine/attribution-scope.ts';
import { DEFAULT_LOOKBACK_DAYS } from './models.ts';

const MAX_EVENTS = 200;
const DAY_MS = 86_400_000;

const touchView = z.object({ at: z.string(), channel: z.string(), campaign: z.string().nullable() });

export const customerJourney = defineTool({
  name: 'customer_journey',
  title: 'Customer journey',
  description: 'One customer\'s touchpoints and conversions in time order, with first and last touch, acquisition cost and lifetime value. Use it to see how a customer came to buy; base currency.',
  area: 'attribution',
  access: 'read',
  permission: 'attribution:read',
  input: z.object({
    customer_id: z.string().trim().min(1).max(500).describe('The customer id used in the touchpoint and conversion imports.'),
    lookback_days: z.int().min(1).max(365).optional().describe('Attribution window shown for each conversion (default 30 or the organisation setting).'),
  }),
  output: z.object({
    customer_id: z.string(),
    currency: z.string(),
    touchpoints: z.int(),
    conversions: z.int(),
    first_touch: touchView.nullable(),
    last_touch: touchView.nullable(),
    first_conversion_at: z.string().nullable(),
    days_to_first_conversion: z.number().nullable().describe('From the first touch to the first conversion.'),
    acquisition_cost: z.number().describe('Touch costs up to and including the first conversion (all touch costs when the customer never converted).'),
    total_touch_cost: z.number(),
    lifetime_value: z.number().describe('Revenue of all conversions.'),
    timeline: z.array(
      z.discriminatedUnion('type', [
        z.object({ type: z.literal('touchpoint'), at: z.string(), channel: z.string(), campaign: z.string().nullable(), cost: z.number().nullable() }),
        z.object({
          type: z.literal('conversion'), at: z.string(), revenue: z.number(), order_id: z.string().nullable(),
          window_channels: z.array(z.string()).describe('Channels of the touchpoints in this conversion\'s window, in order.'),
        }),
      ]),
    ),
    timeline_not_shown: z.int(),
  }),
  example: { customer_id: 'c-001' },
  async handler(ctx, input) {
    const where = { customerId: input.customer_id };
    const [touches, conversions] = await Promise.all([
      ctx.db.touchpoint.findMany({ where, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] }),
      ctx.db.conversion.findMany({ where, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] }),
    ]);
    if (touches.length === 0 && conversions.length === 0) throw notFound('customer', input.customer_id);
    const lookbackDays = input.lookback_days ?? (await loadAttributionSettings(ctx)).lookback_days ?? DEFAULT_LOOKBACK_DAYS;
    const earliest = new Map<string, Date>();
    for (const row of [...touches.filter((t) => t.cost !== null).map((t) => ({ currency: t.currency ?? ctx.org.baseCurrency, at: t.occurredAt })), ...conversions.map((c) => ({ currency: c.currency, at: c.occurredAt }))]) {
      const known = earliest.get(row.currency);
      if (!known || row.at < known) earliest.set(row.currency, row.at);
    }
    const fx = await fxSegmentsToBase(ctx.db, ctx.org.baseCurrency, ctx.org.timeZone, earliest);
    const touchCost = (touch: (typeof touches)[number]) => (touch.cost === null ? null : Number(touch.cost) * rateAt(fx, touch.currency ?? ctx.org.baseCurrency, touch.occurredAt));
    const firstConversion = conversions[0] ?? null;
    const sumCosts = (list: typeof touches) => list.reduce((sum, touch) => sum + (touchCost(touch) ?? 0), 0);
    const view = (touch: (typeof touches)[number] | undefined) => (touch ? { at: touch.occurredAt.toISOString(), channel: touch.channel, campaign: touch.campaign } : null);

    const timeline = [
      ...touches.map((touch) => ({ sortAt: touch.occurredAt.getTime(), order: 0, event: { type: 'touchpoint' as const, at: touch.occurredAt.toISOString(), channel: touch.channel, campaign: touch.campaign, cost: moneyOrNull(touchCost(touch)) } })),
      ...conversions.map((conversion) => ({
        sortAt: conversion.occurredAt.getTime(),
        // A touch at the conversion instant is part of its journey, so it is listed first.
        order: 1,
        event: {
          type: 'conversion' as const,
          at: conversion.occurredAt.toISOString(),
          revenue: money(Number(conversion.revenue) * rateAt(fx, conversion.currency, conversion.occurredAt)),
          order_id: conversion.orderId,
          window_channels: touches
            .filter((touch) => touch.occurredAt <= conversion.occurredAt && touch.occurredAt.getTime() >= conversion.occurredAt.getTime() - lookbackDays * DAY_MS)
            .map((touch) => touch.channel),
        },
      })),
    ].sort((a, b) => a.sortAt - b.sortAt || a.order - b.order);

    return {
      customer_id: input.customer_id,
      currency: ctx.org.baseCurrency,
      touchpoints: touches.length,
      conversions: conversions.length,
      first_touch: view(touches[0]),
      last_touch: view(touches[touches.length - 1]),
      first_conversion_at: firstConversion?.occurredAt.toISOString() ?? null,
      days_to_first_conversion: firstConversion && touches[0] && touches[0].occurredAt <= firstConversion.occurredAt
        ? Math.round(((firstConversion.occurredAt.getTime() - touches[0].occurredAt.getTime()) / DAY_MS) * 10) / 10
        : null,
      acquisition_cost: money(sumCosts(firstConversion ? touches.filter((touch) => touch.occurredAt <= firstConversion.occurredAt) : touches)),
      total_touch_cost: money(sumCosts(touches)),
      lifetime_value: money(conversions.reduce((sum, conversion) => sum + Number(conversion.revenue) * rateAt(fx, conversion.currency, conversion.occurredAt), 0)),
      timeline: timeline.slice(0, MAX_EVENTS).map((entry) => entry.event),
      timeline_not_shown: Math.max(0, timeline.length - MAX_EVENTS),
    };
  },
});
