import type { EvalCase } from '../harness/eval-case.ts';
import { money, num } from './format.ts';

type Row = Record<string, any>;

export const CAMPAIGN_WRITE_CASES: EvalCase[] = [
  {
    id: 'create-client',
    area: 'clients',
    role: 'CAMPAIGN_MANAGER',
    question: 'Add a new client called Eval Sound Ltd, email hello@evalsound.example.',
    expect: { tools: ['create_client'], facts: [{ label: 'client name', value: async () => 'Eval Sound Ltd' }] },
    script: {
      steps: [{ tool: 'create_client', input: { name: 'Eval Sound Ltd', emails: ['hello@evalsound.example'] } }],
      answer: (r) => `Created the client ${r.out('create_client').name} (create_client).`,
    },
  },
  {
    id: 'create-vendor',
    area: 'vendors',
    role: 'CAMPAIGN_MANAGER',
    question: 'Add a vendor called Eval Playlists that charges 2.10 USD per 1,000 streams.',
    expect: { tools: ['create_vendor'], facts: [{ label: 'price', value: async () => 2.1 }] },
    script: {
      steps: [{ tool: 'create_vendor', input: { name: 'Eval Playlists', cost_per_1k_streams: 2.1, currency: 'USD' } }],
      answer: (r) => `Added ${r.out('create_vendor').name} at ${money(r.out('create_vendor').cost_per_1k_streams, r.out('create_vendor').currency)} per 1k streams.`,
    },
  },
  {
    id: 'pause-campaign',
    area: 'campaigns',
    role: 'CAMPAIGN_MANAGER',
    setup: async (truth) => ({ campaign: (await truth.call('list_campaigns', { status: 'active' })).rows.at(-1).name }),
    question: (vars) => `Pause the campaign "${vars.campaign}".`,
    expect: { tools: ['list_campaigns', 'update_campaign'], ordered: true, facts: [{ label: 'new status', value: async () => 'paused' }] },
    script: {
      steps: [(_r, vars) => ({ tool: 'list_campaigns', input: { search: vars.campaign } }), (r) => ({ tool: 'update_campaign', input: { campaign_id: r.out('list_campaigns').rows[0].id, status: 'paused' } })],
      answer: (r, vars) => `${vars.campaign} is now ${r.out('update_campaign').status ?? r.out('update_campaign').campaign?.status ?? 'paused'} (update_campaign).`,
    },
  },
  {
    id: 'add-vendor-playlist',
    area: 'playlists',
    role: 'CAMPAIGN_MANAGER',
    setup: async (truth) => ({ vendor: (await truth.call('list_vendors', { is_active: true })).rows[0].name }),
    question: (vars) => `Register a playlist called "Late Night Eval" for the vendor ${vars.vendor}.`,
    expect: { tools: ['list_vendors', 'add_vendor_playlist'], ordered: true, facts: [{ label: 'playlist name', value: async () => 'Late Night Eval' }] },
    script: {
      steps: [(_r, vars) => ({ tool: 'list_vendors', input: { search: vars.vendor } }), (r) => ({ tool: 'add_vendor_playlist', input: { vendor_id: r.out('list_vendors').rows[0].id, name: 'Late Night Eval' } })],
      answer: (_r, vars) => `Registered the playlist Late Night Eval for ${vars.vendor} (add_vendor_playlist).`,
    },
  },
  {
    id: 'commit-allocation-pending-approval',
    area: 'approvals',
    role: 'CAMPAIGN_MANAGER',
    setup: async (truth) => {
      const row = (await truth.call('list_campaigns', { status: 'active' })).rows[0];
      const campaign = await truth.call('get_campaign', { campaign_id: row.id });
      return { campaign: row.name, track: campaign.songs[0].track_url };
    },
    question: (vars) => `Plan 1,000 USD for 200,000 streams over 30 days for the track ${vars.track} in the campaign "${vars.campaign}", and book the plan.`,
    expect: { tools: ['plan_budget_allocation', 'commit_allocation'], ordered: true, allowed: ['list_campaigns', 'get_campaign'], pendingApproval: true },
    script: {
      steps: [
        (_r, vars) => ({ tool: 'list_campaigns', input: { search: vars.campaign } }),
        { tool: 'plan_budget_allocation', input: { budget: 1000, goal_streams: 200_000, days: 30 } },
        (r, vars) => ({
          tool: 'commit_allocation',
          input: {
            campaign_id: r.out('list_campaigns').rows[0].id,
            track_url: vars.track,
            currency: r.out('plan_budget_allocation').currency,
            allocations: r.out('plan_budget_allocation').allocations.map((row: Row) => ({ vendor_id: row.vendor_id, goal: row.promise_streams, daily: row.daily, price: row.price })),
          },
        }),
      ],
      answer: (r) => {
        const pending = r.out('commit_allocation');
        const total = r.out('plan_budget_allocation').allocations.reduce((sum: number, row: Row) => sum + row.price, 0);
        return `The plan (${money(total, r.out('plan_budget_allocation').currency)} across ${r.out('plan_budget_allocation').allocations.length} vendors, ${num(200_000)} streams goal) is pending approval: ${pending.approve_url}. Nothing is booked until a manager approves it.`;
      },
    },
  },
];
