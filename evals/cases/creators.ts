import type { CaseVars, EvalCase, Truth } from '../harness/eval-case.ts';
import { money, num, pct } from './format.ts';

type Row = Record<string, any>;

/**
 * Creators (issue 21) over the demo's 64 creators and its two creator campaigns: finding creators
 * by what they do and by hard filters, comparing two, one creator's audience, who hasn't delivered
 * on a campaign, a campaign's cost per view; and paying a creator, which only files an approval.
 * Figures come from the tools at scoring time.
 */

const RELEASE_CAMPAIGN = 'Noche de Neón';
const BRAND_CAMPAIGN = 'Lumen Headphones';

const campaignNamed = async (truth: Truth, words: string): Promise<Row> =>
  (await truth.call('list_creator_campaigns', { limit: 100 })).rows.find((row: Row) => row.name.includes(words));
const creatorNamed = async (truth: Truth, name: string): Promise<Row> => (await truth.call('list_creators', { search: name })).rows.find((row: Row) => row.name === name);
const tiktokOf = (row: Row): Row => row.networks.find((network: Row) => network.network === 'tiktok');
const mostFollowers = (row: Row): number => Math.max(...row.networks.map((network: Row) => network.followers ?? 0));
const figuresText = (networks: Row[]) => networks.map((network) => `${network.network} ${num(network.followers)} followers${network.engagement_rate === null ? '' : `, ${pct(network.engagement_rate)} engagement`}`).join('; ');

/** The script's search for the reggaeton question: the words, the language and the audience filters. */
const REGGAETON_SEARCH = { query: 'reggaeton', languages: ['es'], audience_country: 'MX', audience_age: ['18-24'] };

/** A creator's page as the compare answer quotes it: followers, engagement and growth on one network. */
function growthLine(page: Row, network: string): string {
  const creator = page.creator;
  const platform = creator.platforms.find((row: Row) => row.network === network);
  const points = (page.growth as Row[]).find((row) => row.network === network)?.points ?? [];
  const [first, last] = [points[0], points.at(-1)];
  const growth = first && last ? `, from ${num(first.followers)} on ${first.date} to ${num(last.followers)} on ${last.date}` : '';
  return `${creator.name} (@${creator.handle}): ${network} ${num(platform.followers)} followers, ${pct(platform.engagement_rate)} engagement${growth}`;
}

export const CREATOR_READ_CASES: EvalCase[] = [
  {
    id: 'creators-find-tiktok-dancers-brazil',
    area: 'creators',
    question: 'Find TikTok dancers in Brazil with over 100k followers.',
    expect: {
      tools: ['search_creators'],
      allowed: ['list_creators', 'get_creator'],
      facts: [
        { label: 'the biggest of them', value: async (truth) => (await truth.call('list_creators', { network: 'tiktok', country: 'BR', niche: 'dance', min_followers: 100_000 })).rows.sort((a: Row, b: Row) => tiktokOf(b).followers - tiktokOf(a).followers)[0].name },
        { label: 'the smallest over 100k', value: async (truth) => (await truth.call('list_creators', { network: 'tiktok', country: 'BR', niche: 'dance', min_followers: 100_000 })).rows.sort((a: Row, b: Row) => tiktokOf(a).followers - tiktokOf(b).followers)[0].name },
      ],
    },
    script: {
      steps: [{ tool: 'search_creators', input: { query: 'dance', networks: ['tiktok'], countries: ['BR'], min_followers: 100_000 } }],
      answer: (r) => {
        const hits = r.out('search_creators').hits as Row[];
        return [`${hits.length} TikTok dancers based in Brazil have over 100k followers (search_creators):`, ...hits.map((hit) => `- ${hit.name} (@${hit.handle}): ${figuresText(hit.networks)}`)].join('\n');
      },
    },
  },
  {
    id: 'creators-reggaeton-mexico-18-24',
    area: 'creators',
    question: 'Who could promote a Spanish-language reggaeton single to 18-24s in Mexico?',
    expect: {
      tools: ['search_creators'],
      allowed: ['list_creators', 'get_creator'],
      facts: [
        { label: 'the largest fitting creator', value: async (truth) => (await truth.call('search_creators', REGGAETON_SEARCH)).hits.sort((a: Row, b: Row) => mostFollowers(b) - mostFollowers(a))[0].name },
        { label: 'the second largest', value: async (truth) => (await truth.call('search_creators', REGGAETON_SEARCH)).hits.sort((a: Row, b: Row) => mostFollowers(b) - mostFollowers(a))[1].name },
      ],
    },
    script: {
      steps: [{ tool: 'search_creators', input: REGGAETON_SEARCH }],
      answer: (r) => {
        const hits = r.out('search_creators').hits as Row[];
        const why = (hit: Row) => (hit.why.filters as Row[]).filter((filter) => filter.filter.startsWith('audience')).map((filter) => filter.matched).join('; ');
        return [
          `These creators publish in Spanish about reggaeton and at least 15% of an audience is in Mexico and aged 18-24 (search_creators):`,
          ...hits.map((hit) => `- ${hit.name} (@${hit.handle}, ${hit.country}): ${figuresText(hit.networks)}. ${why(hit)}`),
        ].join('\n');
      },
    },
  },
  {
    id: 'creators-compare-two',
    area: 'creators',
    question: 'Compare Valeria Cruz and Sofía Ramírez on TikTok: followers, engagement rate and how fast they are growing.',
    expect: {
      tools: ['get_creator'],
      allowed: ['list_creators', 'search_creators'],
      facts: [
        { label: "Valeria Cruz's TikTok followers", value: async (truth) => tiktokOf(await creatorNamed(truth, 'Valeria Cruz')).followers },
        { label: "Sofía Ramírez's TikTok followers", value: async (truth) => tiktokOf(await creatorNamed(truth, 'Sofía Ramírez')).followers },
      ],
    },
    script: {
      steps: [
        { tool: 'list_creators', input: { search: 'Valeria Cruz' } },
        (r) => ({ tool: 'get_creator', input: { creator_id: r.out('list_creators').rows[0].id } }),
        // The answer reads the latest result of each tool: keep the first page before asking for the second.
        (r, vars) => { vars.firstPage = JSON.stringify(r.out('get_creator')); return { tool: 'list_creators', input: { search: 'Sofía Ramírez' } }; },
        (r) => ({ tool: 'get_creator', input: { creator_id: r.out('list_creators').rows[0].id } }),
      ],
      answer: (r, vars: CaseVars) => [
        'On TikTok (get_creator):',
        `- ${growthLine(JSON.parse(vars.firstPage!), 'tiktok')}`,
        `- ${growthLine(r.out('get_creator'), 'tiktok')}`,
      ].join('\n'),
    },
  },
  {
    id: 'creators-audience',
    area: 'creators',
    question: "What is Aisha Bello's TikTok audience by age, gender and country?",
    expect: {
      tools: ['get_creator'],
      allowed: ['list_creators', 'search_creators'],
      facts: [
        { label: 'share aged 18-24', value: async (truth) => (await truth.call('get_creator', { creator_id: (await creatorNamed(truth, 'Aisha Bello')).id })).audiences.find((row: Row) => row.network === 'tiktok').audience.age.find((row: Row) => row.band === '18-24').share },
        { label: 'share in the top country', value: async (truth) => (await truth.call('get_creator', { creator_id: (await creatorNamed(truth, 'Aisha Bello')).id })).audiences.find((row: Row) => row.network === 'tiktok').audience.countries[0].share },
      ],
    },
    script: {
      steps: [
        { tool: 'list_creators', input: { search: 'Aisha Bello' } },
        (r) => ({ tool: 'get_creator', input: { creator_id: r.out('list_creators').rows[0].id } }),
      ],
      answer: (r) => {
        const page = r.out('get_creator');
        const audience = (page.audiences as Row[]).find((row) => row.network === 'tiktok')!.audience;
        const list = (rows: Row[], label: (row: Row) => string) => rows.map((row) => `${label(row)} ${pct(row.share)}`).join(', ');
        return [
          `${page.creator.name}'s TikTok audience as of ${audience.as_of} (${audience.source}, get_creator):`,
          `- Age: ${list(audience.age, (row) => row.band)}`,
          `- Gender: ${list(audience.gender, (row) => row.gender)}`,
          `- Top countries: ${list(audience.countries, (row) => row.code)}`,
          `- Top cities: ${list(audience.cities, (row) => `${row.name} (${row.country})`)}`,
        ].join('\n');
      },
    },
  },
  {
    id: 'creators-who-has-not-delivered',
    area: 'creators',
    question: `Which creators haven't delivered yet on the ${RELEASE_CAMPAIGN} launch campaign?`,
    expect: {
      tools: ['list_creator_campaigns', 'campaign_creators'],
      ordered: true,
      allowed: ['get_creator_campaign', 'get_creator', 'list_creators'],
      facts: [
        { label: 'the overdue creator', value: async (truth) => (await truth.call('campaign_creators', { creator_campaign_id: (await campaignNamed(truth, RELEASE_CAMPAIGN)).creator_campaign_id, undelivered: true })).rows.find((row: Row) => row.overdue).creator_name },
        { label: 'creators still to deliver', value: async (truth) => (await truth.call('campaign_creators', { creator_campaign_id: (await campaignNamed(truth, RELEASE_CAMPAIGN)).creator_campaign_id, undelivered: true })).rows.length },
      ],
    },
    script: {
      steps: [
        { tool: 'list_creator_campaigns', input: {} },
        (r) => ({ tool: 'campaign_creators', input: { creator_campaign_id: (r.out('list_creator_campaigns').rows as Row[]).find((row) => row.name.includes(RELEASE_CAMPAIGN))!.creator_campaign_id, undelivered: true } }),
      ],
      answer: (r) => {
        const result = r.out('campaign_creators');
        const line = (row: Row) => `- ${row.creator_name} (@${row.handle}), ${row.status_label.toLowerCase()}: ${row.published} of ${row.agreed} pieces published${row.next_due_on ? `, due ${row.next_due_on}` : ''}${row.overdue ? ' (OVERDUE)' : ''}`;
        return [`${result.summary.creators} creators on "${result.name}" have not published everything agreed, ${result.summary.overdue} of them overdue (campaign_creators):`, ...(result.rows as Row[]).map(line)].join('\n');
      },
    },
  },
  {
    id: 'creators-campaign-cost-per-view',
    area: 'creators',
    question: `What is the cost per view of the ${BRAND_CAMPAIGN} creator campaign, and which creator was cheapest per view?`,
    expect: {
      tools: ['creator_campaign_performance'],
      allowed: ['list_creator_campaigns', 'get_creator_campaign', 'campaign_creators'],
      facts: [
        { label: 'cost per view', value: async (truth) => (await truth.call('creator_campaign_performance', { creator_campaign_id: (await campaignNamed(truth, BRAND_CAMPAIGN)).creator_campaign_id })).total.cost_per_view },
        {
          label: 'cheapest creator per view',
          value: async (truth) => {
            const rows = (await truth.call('creator_campaign_performance', { creator_campaign_id: (await campaignNamed(truth, BRAND_CAMPAIGN)).creator_campaign_id })).creators as Row[];
            return rows.filter((row) => row.cost_per_view !== null).sort((a, b) => a.cost_per_view - b.cost_per_view)[0]!.creator_name;
          },
        },
      ],
    },
    script: {
      steps: [
        { tool: 'list_creator_campaigns', input: {} },
        (r) => ({ tool: 'creator_campaign_performance', input: { creator_campaign_id: (r.out('list_creator_campaigns').rows as Row[]).find((row) => row.name.includes(BRAND_CAMPAIGN))!.creator_campaign_id } }),
      ],
      answer: (r) => {
        const result = r.out('creator_campaign_performance');
        const total = result.total;
        const measured = (result.creators as Row[]).filter((row) => row.cost_per_view !== null);
        return [
          `"${result.name}" (creator_campaign_performance): ${money(total.fee, result.currency)} in fees for ${num(total.views)} views, a cost per view of ${result.currency} ${num(total.cost_per_view)} (${result.currency} ${num(total.cost_per_engagement)} per engagement).`,
          'Per creator, cheapest per view first:',
          ...measured.map((row) => `- ${row.creator_name}: ${num(row.views)} views for ${money(row.fee, result.currency)}, ${result.currency} ${num(row.cost_per_view)} per view`),
          ...(result.creators as Row[]).filter((row) => row.cost_per_view === null).map((row) => `- ${row.creator_name}: no views yet (${row.status.toLowerCase().replace(/_/g, ' ')})`),
        ].join('\n');
      },
    },
  },
];

/** Sofía Ramírez's assignment on a creator campaign's board (get_creator_campaign). */
const sofia = (campaign: Row): Row => (campaign.board as Row[]).flatMap((column) => column.assignments as Row[]).find((row) => row.creator_name === 'Sofía Ramírez')!;

export const CREATOR_WRITE_CASES: EvalCase[] = [
  {
    id: 'creators-pay-creator-pending-approval',
    area: 'creators',
    role: 'CAMPAIGN_MANAGER',
    setup: async (truth) => {
      const campaign = await campaignNamed(truth, RELEASE_CAMPAIGN);
      const row = (await truth.call('campaign_creators', { creator_campaign_id: campaign.creator_campaign_id })).rows.find((assignment: Row) => assignment.creator_name === 'Sofía Ramírez');
      return { assignmentId: row.assignment_id };
    },
    question: `Pay Sofía Ramírez her fee for the ${RELEASE_CAMPAIGN} launch campaign.`,
    expect: {
      tools: ['pay_creator'],
      allowed: ['list_creator_campaigns', 'get_creator_campaign', 'campaign_creators', 'creator_campaign_performance', 'list_creators', 'get_creator', 'list_payments'],
      pendingApproval: true,
      verify: async ({ prisma, orgId, vars }) => {
        const problems: string[] = [];
        const assignment = await prisma.campaignCreator.findFirst({ where: { organizationId: orgId, id: vars.assignmentId } });
        if (assignment?.status !== 'PUBLISHED') problems.push(`the assignment is ${assignment?.status}, not still PUBLISHED`);
        const payments = await prisma.creatorPayment.count({ where: { organizationId: orgId, campaignCreatorId: vars.assignmentId } });
        if (payments !== 0) problems.push(`${payments} payments recorded before any approval`);
        const requests = await prisma.approvalRequest.findMany({ where: { organizationId: orgId, action: 'pay_creator', status: 'PENDING' } });
        const mine = requests.filter((request) => (request.payload as Row).assignment_id === vars.assignmentId);
        if (mine.length !== 1) problems.push(`${mine.length} pending pay_creator requests for the assignment, not 1`);
        return problems;
      },
    },
    script: {
      steps: [
        { tool: 'list_creator_campaigns', input: {} },
        (r) => ({ tool: 'get_creator_campaign', input: { creator_campaign_id: (r.out('list_creator_campaigns').rows as Row[]).find((row) => row.name.includes(RELEASE_CAMPAIGN))!.creator_campaign_id } }),
        (r) => ({ tool: 'pay_creator', input: { assignment_id: sofia(r.out('get_creator_campaign')).assignment_id } }),
      ],
      answer: (r) => {
        const row = sofia(r.out('get_creator_campaign'));
        return `The payment of ${money(row.fee, row.currency)} to ${row.creator_name} (${row.published} of ${row.agreed} pieces published) is pending approval: ${r.out('pay_creator').approve_url}. Nothing is paid until a manager approves it.`;
      },
    },
  },
];
