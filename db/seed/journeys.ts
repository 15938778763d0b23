import type { BulkWriter } from '../bulk/bulk-writer.ts';
import type { CampaignActivity } from './campaign-activity.ts';
import type { Random } from './random.ts';
import type { SeedCalendar } from './seed-calendar.ts';
import type { SpendChannel } from './spend.ts';
import { conversions, touchpoints } from '../bulk/tables.ts';

type Channel = SpendChannel | 'email' | 'organic';
type Choices = readonly (readonly [Channel, number])[];

// Channels play different parts in a journey, so first-touch, last-touch and Markov credit differ:
// paid social opens journeys, e-mail and search close them, non-buyers mostly scroll past ads.
const OPENERS: Choices = [['tiktok', 30], ['meta', 30], ['organic', 15], ['spotify_marquee', 15], ['google', 10]];
const MIDDLE: Choices = [['meta', 25], ['email', 20], ['spotify_marquee', 20], ['google', 15], ['tiktok', 10], ['organic', 10]];
const CLOSERS: Choices = [['email', 35], ['google', 30], ['organic', 15], ['meta', 10], ['spotify_marquee', 7], ['tiktok', 3]];
const SINGLE_TOUCH_BUYERS: Choices = [['google', 30], ['email', 25], ['organic', 20], ['meta', 15], ['tiktok', 5], ['spotify_marquee', 5]];
const BROWSERS: Choices = [['meta', 35], ['tiktok', 30], ['google', 12], ['spotify_marquee', 10], ['organic', 8], ['email', 5]];
const TOUCH_COUNTS = [[1, 25], [2, 22], [3, 20], [4, 15], [5, 10], [6, 8]] as const;
const COST_PER_TOUCH: Record<Channel, readonly [number, number] | null> = {
  meta: [0.2, 0.9], google: [0.3, 1.2], tiktok: [0.1, 0.6], spotify_marquee: [0.5, 1.5], email: [0.01, 0.01], organic: null,
};
// Price ranges (USD) of what fans buy: VIP and tour bundles, tickets, merch, vinyl, digital. Bundles
// are what makes paid media pay back for a label, so the demo's ROAS tells that story.
const PRODUCTS: readonly (readonly [readonly [number, number], number])[] = [[[150, 400], 12], [[40, 150], 33], [[15, 60], 33], [[25, 40], 12], [[5, 15], 10]];
const MINUTES_PER_DAY = 1440;

interface Context {
  writer: BulkWriter;
  random: Random;
  calendar: SeedCalendar;
  activity: CampaignActivity;
  organizationId: string;
}

/**
 * Customers' marketing touchpoints and purchases: 1-6 touches each over days or weeks, about a
 * quarter of customers buy (more often after longer journeys), a tenth of buyers buy again after an
 * e-mail, and a few buy with no touchpoint at all (direct).
 */
export async function writeJourneys(context: Context, customers: number): Promise<void> {
  const direct = Math.max(1, Math.round(customers * 0.03));
  let orders = 0;
  const buy = (customerId: string, minute: number) => {
    if (minute >= context.calendar.days * MINUTES_PER_DAY) return;
    const orderId = `ord-${String(100_001 + orders++)}`;
    writeConversion(context, customerId, minute, orderId);
  };
  for (let index = 0; index < customers + direct; index++) {
    const customerId = `cust-${String(index + 1).padStart(6, '0')}`;
    if (index >= customers) buy(customerId, context.random.float(0, context.calendar.days * MINUTES_PER_DAY));
    else writeJourney(context, customerId, buy);
    if (index % 1000 === 999) await context.writer.drain();
  }
}

function writeJourney(context: Context, customerId: string, buy: (customerId: string, minute: number) => void): void {
  const { random, calendar } = context;
  const count = random.weighted(TOUCH_COUNTS);
  const converts = random.chance(0.08 + 0.055 * count);
  const channels = Array.from({ length: count }, (_, position) => {
    if (!converts) return random.weighted(BROWSERS);
    if (count === 1) return random.weighted(SINGLE_TOUCH_BUYERS);
    return random.weighted(position === 0 ? OPENERS : position === count - 1 ? CLOSERS : MIDDLE);
  });
  const gaps = channels.map((_, position) => (position === 0 ? 0 : Math.min(12, -Math.log(1 - random.next()) * 1.8) * MINUTES_PER_DAY));
  const delay = random.float(10, 36 * 60);
  const span = gaps.reduce((sum, gap) => sum + gap, 0) + delay;
  const periodMinutes = calendar.days * MINUTES_PER_DAY;
  let minute = random.float(0, Math.max(1, periodMinutes - span - 60));
  channels.forEach((channel, position) => {
    minute += gaps[position]!;
    writeTouch(context, customerId, position, channel, minute);
  });
  if (!converts) return;
  buy(customerId, minute + delay);
  if (!random.chance(0.1)) return;
  minute += delay + random.float(3, 20) * MINUTES_PER_DAY;
  if (minute >= periodMinutes) return;
  writeTouch(context, customerId, count, 'email', minute);
  buy(customerId, minute + random.float(60, 48 * 60));
}

function writeTouch(context: Context, customerId: string, position: number, channel: Channel, minute: number): void {
  const { random, calendar } = context;
  const day = Math.floor(minute / MINUTES_PER_DAY);
  const costRange = COST_PER_TOUCH[channel];
  const cost = costRange ? random.float(...costRange) : null;
  const campaign =
    channel === 'organic' ? null : channel === 'email' ? `newsletter-${calendar.iso(day - calendar.weekday(day))}` : context.activity.pick(random, day, channel);
  context.writer.add(touchpoints, {
    organizationId: context.organizationId,
    customerId,
    occurredAt: calendar.at(0, minute),
    channel,
    campaign,
    cost: cost === null ? null : cost.toFixed(4),
    currency: cost === null ? null : 'USD',
    dedupeKey: `seed:touchpoint:${customerId}:${position}`,
  });
}

function writeConversion(context: Context, customerId: string, minute: number, orderId: string): void {
  const [low, high] = context.random.weighted(PRODUCTS);
  const revenue = Math.floor(context.random.float(low, high)) + (context.random.chance(0.6) ? 0.99 : 0);
  context.writer.add(conversions, {
    organizationId: context.organizationId,
    customerId,
    occurredAt: context.calendar.at(0, minute),
    revenue: revenue.toFixed(2),
    currency: 'USD',
    orderId,
    dedupeKey: `order:${orderId}`,
  });
}
