/** Calls a read tool and returns its output (the demo seeding reads as the owner). */
export type DemoReader = <Output>(tool: string, input: unknown) => Promise<Output>;

export interface PayVendorInput {
  vendor_id: string;
  amount: number;
  currency: string;
  campaign_id: string;
  reference: string;
}

export interface CommitAllocationInput {
  campaign_id: string;
  track_url: string;
  currency: string;
  allocations: Array<{ vendor_id: string; goal: number; daily: number; price: number }>;
}

export interface DemoRequestPicks {
  executed: { input: PayVendorInput; comment: string };
  rejected: { input: PayVendorInput; comment: string };
  /** Up to two. */
  pendingPayments: PayVendorInput[];
  allocation: CommitAllocationInput | null;
}

interface CampaignRow { id: string; name: string; status: string; start_date: string }
interface CampaignDetail {
  currency: string;
  overview: { budget_left: number | null };
  songs: Array<{ track_url: string; genre: string | null }>;
  vendors: Array<{ vendor_id: string; vendor_name: string; delivered: number; promised_to_date: number; delivery_rate: number | null; spent: number }>;
}
interface Plan { currency: string; allocations: Array<{ vendor_id: string; promise_streams: number; daily: number; price: number }> }

/** A vendor's part in one campaign: what a payment request is about. */
interface Booking {
  campaign: CampaignRow;
  currency: string;
  vendorId: string;
  vendorName: string;
  delivered: number;
  promised: number;
  rate: number;
  spent: number;
}

/** Campaigns whose vendor bookings are looked at; enough for five requests at any scale. */
const CAMPAIGNS_TO_READ = 8;
const GOOD_DELIVERY = 0.9;
const POOR_DELIVERY = 0.75;

/**
 * Chooses what the demo requests are about from the seeded data itself, so amounts are the real
 * placement prices and the comments cite real delivery: finished campaigns' vendors get paid
 * (the best deliverer already was; the worst is held back), and the newest active campaign gets a
 * budget plan to commit. Deterministic for the same seeded data.
 */
export async function pickDemoRequests(read: DemoReader): Promise<DemoRequestPicks> {
  const campaigns = (await read<{ rows: CampaignRow[] }>('list_campaigns', { status: 'any', limit: 200 })).rows;
  const byStart = [...campaigns].sort((a, b) => a.start_date.localeCompare(b.start_date) || a.name.localeCompare(b.name));
  const finished = byStart.filter((campaign) => campaign.status === 'completed');
  const toRead = [...finished, ...byStart.filter((campaign) => campaign.status !== 'completed')].slice(0, CAMPAIGNS_TO_READ);
  const bookings: Booking[] = [];
  for (const campaign of toRead) {
    const detail = await read<CampaignDetail>('get_campaign', { campaign_id: campaign.id, playlists_per_song: 0 });
    for (const vendor of detail.vendors) {
      if (vendor.spent <= 0 || vendor.delivery_rate === null) continue;
      bookings.push({
        campaign, currency: detail.currency, vendorId: vendor.vendor_id, vendorName: vendor.vendor_name,
        delivered: vendor.delivered, promised: vendor.promised_to_date, rate: vendor.delivery_rate, spent: vendor.spent,
      });
    }
  }
  if (bookings.length < 4) throw new Error(`demo approvals: only ${bookings.length} vendor bookings with a delivery record; the demo needs 4`);

  const executed = bookings.find((booking) => booking.rate >= GOOD_DELIVERY) ?? maxBy(bookings, (booking) => booking.rate);
  const rejected = minBy(bookings.filter((booking) => booking !== executed), (booking) => booking.rate);
  const rest = bookings.filter((booking) => booking !== executed && booking !== rejected);
  const pending = pickTwo([...rest].sort((a, b) => Number(b.rate >= GOOD_DELIVERY) - Number(a.rate >= GOOD_DELIVERY)));
  const pct = (booking: Booking) => `${Math.round(booking.rate * 100)}%`;
  const streams = (value: number) => value.toLocaleString('en');
  return {
    executed: {
      input: payment(executed),
      comment: `Delivered ${pct(executed)} of the streams promised (${streams(executed.delivered)}); pay per the invoice.`,
    },
    rejected: {
      input: payment(rejected),
      comment: rejected.rate < POOR_DELIVERY
        ? `Hold: ${rejected.vendorName} delivered ${pct(rejected)} of the streams promised to date on this campaign (${streams(rejected.delivered)} of ${streams(rejected.promised)}). Pay once they make up the shortfall.`
        : `Hold: ${rejected.vendorName}'s invoice for this campaign has not arrived; file it again with the invoice number.`,
    },
    pendingPayments: pending.map(payment),
    allocation: await planAllocation(read, byStart),
  };
}

/** A budget plan for the newest active campaign's lead song, as commit_allocation takes it. */
async function planAllocation(read: DemoReader, byStart: CampaignRow[]): Promise<CommitAllocationInput | null> {
  const active = byStart.filter((campaign) => campaign.status === 'active').reverse();
  for (const campaign of active) {
    const detail = await read<CampaignDetail>('get_campaign', { campaign_id: campaign.id, playlists_per_song: 0 });
    const song = detail.songs[0];
    if (!song) continue;
    // A top-up in round money: what is left of the budget, within 500-2,000; about 4 per 1k real streams.
    const budget = Math.round(Math.min(2_000, Math.max(500, detail.overview.budget_left ?? 1_000)) / 50) * 50;
    const request = { budget, goal_streams: Math.round(budget / 4) * 1_000, days: 30 };
    let plan = await read<Plan>('plan_budget_allocation', request);
    if (!plan.allocations.length) plan = await read<Plan>('plan_budget_allocation', { ...request, include_untested: true });
    const allocations = plan.allocations
      .filter((row) => row.promise_streams > 0 && row.daily > 0)
      .map((row) => ({ vendor_id: row.vendor_id, goal: row.promise_streams, daily: row.daily, price: row.price }));
    if (allocations.length) return { campaign_id: campaign.id, track_url: song.track_url, currency: plan.currency, allocations };
  }
  return null;
}

function payment(booking: Booking): PayVendorInput {
  const initials = booking.vendorName.split(/\s+/).map((word) => word[0] ?? '').join('').toUpperCase().slice(0, 3);
  return {
    vendor_id: booking.vendorId,
    amount: booking.spent,
    currency: booking.currency,
    campaign_id: booking.campaign.id,
    reference: `INV-${initials}-${booking.campaign.start_date.replaceAll('-', '').slice(2)}`,
  };
}

/** The first two bookings, preferring two that differ in both vendor and campaign, so the inbox reads varied. */
function pickTwo(bookings: Booking[]): Booking[] {
  const picked: Booking[] = [];
  for (const booking of bookings) {
    if (picked.length < 2 && picked.every((other) => other.vendorId !== booking.vendorId && other.campaign.id !== booking.campaign.id)) picked.push(booking);
  }
  for (const booking of bookings) if (picked.length < 2 && !picked.includes(booking)) picked.push(booking);
  return picked;
}

function maxBy<Item>(items: Item[], score: (item: Item) => number): Item {
  return items.reduce((best, item) => (score(item) > score(best) ? item : best));
}

function minBy<Item>(items: Item[], score: (item: Item) => number): Item {
  return items.reduce((best, item) => (score(item) < score(best) ? item : best));
}
