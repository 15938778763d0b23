import type { Area } from '../registry/roles.ts';

/**
 * What each toolset (area) is for, in the words list_toolsets shows. Areas without tools yet are
 * listed only once they have some.
 */
export const TOOLSET_PURPOSES: Record<Area, string> = {
  access: 'Who you are, the audit log, Slack channel bindings, and finding tools.',
  approvals: 'Requests (payments, bookings, posts, sends) waiting for a person, and their history.',
  campaigns: 'Playlist-promotion campaigns: clients, vendors and their playlists, placements, delivery against promises, vendor scorecards, budget plans, alerts and vendor payments.',
  attribution: 'Marketing spend, conversions and touchpoints, revenue attribution models, ROAS, customer journeys, streaming earnings, payouts, lift and the imports behind them.',
  reports: 'Metric catalogue, saved and scheduled reports, exports and dashboards.',
  crm: 'Companies, contacts, deals, tasks, notes and activity.',
  creators: 'Creator and influencer search, profiles and audiences.',
  content: 'Social posts, the content calendar and scheduled publishing.',
  insights: 'Daily digests, trends over time, anomalies and weekly stats.',
  tracking: 'Event tracking and channel comparison.',
  fans: 'Fan segments and email campaigns.',
  ads: 'Ad accounts and their daily metrics.',
};

/**
 * The default catalogue, offered before any discovery: the questions asked most (measured on the
 * eval questions: campaign lists and details, vendor scorecards, ROAS, the daily picture, what is
 * waiting for approval, who am I) plus the discovery tools that reach everything else.
 */
export const CORE_TOOLS: readonly string[] = [
  'whoami',
  'list_approvals',
  'list_campaigns',
  'get_campaign',
  'vendor_performance',
  'roas_summary',
  'daily_digest',
];

/** The discovery tools: find a tool, list the toolsets, load one into the session. */
export const DISCOVERY_TOOLS = ['find_tools', 'list_toolsets', 'enable_toolset'] as const;
