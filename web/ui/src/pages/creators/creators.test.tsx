import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeContext, type Me } from '../../auth/organization.tsx';
import { SessionProvider } from '../../auth/session.tsx';
import { formatDay } from '../../components/format.ts';
import { AssignForm } from './assign-form.tsx';
import { ImportPanel } from './import-panel.tsx';
import { headerSummary } from './creator-page.tsx';
import { AssignmentBoard } from './assignment-board.tsx';
import { Budget, formatUnitCost, PerformanceTable } from './creator-campaign-page.tsx';
import type { AssignmentRow, CampaignDetail, CampaignPerformance, SearchHit, SearchOutput } from './creator-types.ts';
import CreatorsPage, { filterLabel, ResultList, searchInput } from './creators-page.tsx';
import { GrowthChart, niceRange } from './growth-chart.tsx';
import { queryFromParams } from './search-filters.tsx';
import { matchPath, PAGE_PATHS } from '../../page-paths.ts';
import { recordLink } from '../../forms/record-links.ts';

const ME = { organization: { id: 'o-1', slug: 'demo', name: 'Demo Records', base_currency: 'USD', time_zone: 'UTC' }, permissions: ['creators:read', 'creators:write'] } as unknown as Me;

/** The tool API as the page calls it: each call recorded, answered by tool name (in order when a list). */
function serve(answers: Record<string, unknown[]>) {
  const calls: Array<{ tool: string; input: Record<string, unknown> }> = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    const tool = url.split('/').pop()!;
    calls.push({ tool, input: JSON.parse(String(init?.body ?? '{}')) });
    const queue = answers[tool] ?? [];
    const body = queue.length > 1 ? queue.shift() : queue[0];
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }));
  return calls;
}
afterEach(() => vi.unstubAllGlobals());

const withSession = (node: React.ReactNode) => render(<SessionProvider initialToken="t"><MeContext.Provider value={ME}>{node}</MeContext.Provider></SessionProvider>);

function hit(overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    id: 'cr-1', name: 'Sofía Ramírez', handle: 'sofiaramirezbaila', country: 'MX',
    networks: [{ network: 'tiktok', handle: 'sofiaramirezbaila', followers: 1_500_000, engagement_rate: 0.037 }, { network: 'youtube', handle: 'sofiaramirez', followers: 96_000, engagement_rate: null }],
    score: 0.0325,
    why: {
      filters: [{ filter: 'min_followers, min_engagement_rate', matched: 'tiktok 1,500,000 followers, 3.7% engagement' }, { filter: 'audience_country', matched: 'tiktok: 41% of the audience in US (as of 2026-11-30)' }],
      matched_words: [{ part: 'bio', words: ['dance'] }, { part: 'captions', words: ['challenge', 'dancing'] }],
      full_text_rank: 1, vector_similarity: 0.62, vector_rank: 3,
    },
    ...overrides,
  };
}

const ranking = (overrides: Partial<SearchOutput['ranking']> = {}): SearchOutput['ranking'] => ({ full_text: true, vector: true, embedder: 'local-hash-384', order: 'relevance', note: null, ...overrides });

describe('creator search', () => {
  it('turns the filters in the address into search_creators input: percentages as shares, lists split, codes in their case', () => {
    const query = queryFromParams(new URLSearchParams('q=latin dance&networks=tiktok,instagram&min_followers=100,000&min_engagement=3.5&countries=mx, es&audience_country=us&audience_age=18-24,25-34&audience_share=20&genres=Reggaeton&languages=ES&from=2027-01-10&to=2027-01-31'));
    expect(searchInput(query)).toEqual({
      problems: [],
      input: {
        limit: 30, query: 'latin dance', networks: ['tiktok', 'instagram'], min_followers: 100_000, min_engagement_rate: 0.035, countries: ['MX', 'ES'],
        audience_country: 'US', audience_age: ['18-24', '25-34'], audience_min_share: 0.2, genres: ['Reggaeton'], languages: ['es'],
        available_between: { from: '2027-01-10', to: '2027-01-31' },
      },
    });
  });

  it('names a figure typed wrong instead of searching with it', () => {
    const { problems } = searchInput(queryFromParams(new URLSearchParams('min_followers=10k&min_engagement=120&from=2027-02-01&to=2027-01-01')));
    expect(problems).toEqual([
      'Engagement at least: "120" is not a percentage from 0 to 100.',
      'Available from must be on or before Available until.',
      'Followers at least: "10k" is not a whole number.',
    ]);
  });

  it('shows each hit with its networks and why it matched: words by the part they came from, meaning, and the filters met with the values', () => {
    render(<ResultList data={{ hits: [hit()], ranking: ranking() }} searched />);
    const card = screen.getByRole('article', { name: 'Sofía Ramírez' });
    expect(within(card).getByRole('link', { name: 'Sofía Ramírez' }).getAttribute('href')).toBe('/creators/cr-1');
    expect(card.textContent).toContain('@sofiaramirezbaila · Mexico');
    expect(card.textContent).toContain('1.6M');
    expect(within(card).getByRole('list', { name: 'Platforms' }).textContent).toBe('TikTok1.5M · 3.7% eng.YouTube96K');
    const why = [...card.querySelectorAll('.cr-why-list > li')].map((item) => item.textContent);
    expect(why).toEqual([
      'In biodance',
      'In recent captionschallenge, dancing',
      'Meaning62% similar to the search',
      'Followers and engagementTikTok 1,500,000 followers, 3.7% engagement',
      'Audience countryTikTok: 41% of the audience in US (as of 2026-11-30)',
    ]);
    expect(screen.getByText(/Ranked by the words and by similar meaning \(local-hash-384\)/)).toBeTruthy();
  });

  it('says when vector ranking is off, in the server\'s words', () => {
    render(<ResultList data={{ hits: [hit({ why: { ...hit().why, vector_similarity: null, vector_rank: null } })], ranking: ranking({ vector: false, note: 'Vector ranking is off: this database server has no pgvector extension, so creators are ranked by full text only.' }) }} searched />);
    expect(screen.getByRole('note').textContent).toBe('Vector ranking is off: this database server has no pgvector extension, so creators are ranked by full text only.');
  });

  it('offers the import to an organisation without creators, and other words to a search that found none', () => {
    const empty: SearchOutput = { hits: [], ranking: ranking({ full_text: false, vector: false, order: 'followers' }) };
    const { unmount } = render(<ResultList data={empty} searched={false} />);
    expect(screen.getByText('No creators yet.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Import creators' }).getAttribute('href')).toBe('/forms/import_creators?back=%2Fcreators');
    unmount();
    render(<ResultList data={empty} searched />);
    expect(screen.getByText('No creator matches this search.')).toBeTruthy();
  });

  it('searches what was typed, keeping the search in the address', async () => {
    const calls = serve({ search_creators: [{ hits: [hit()], ranking: ranking({ order: 'followers', full_text: false, vector: false }) }, { hits: [hit()], ranking: ranking() }] });
    withSession(<CreatorsPage />);
    await screen.findByRole('article', { name: 'Sofía Ramírez' });
    expect(calls.at(-1)).toEqual({ tool: 'search_creators', input: { limit: 30 } });
    await userEvent.type(screen.getByLabelText('What are you looking for?'), 'latin dance');
    await userEvent.click(screen.getByRole('button', { name: 'Filters' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'TikTok' }));
    await userEvent.type(screen.getByLabelText('Followers at least'), '100000');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await screen.findByText('1 creator, best match first.');
    expect(window.location.search).toBe('?q=latin+dance&networks=tiktok&min_followers=100000');
    expect(calls.at(-1)).toEqual({ tool: 'search_creators', input: { limit: 30, query: 'latin dance', networks: ['tiktok'], min_followers: 100_000 } });
  });

  it('shows more of the same search when the page is full', async () => {
    const hits = (count: number) => Array.from({ length: count }, (_, index) => hit({ id: `cr-${index}`, name: `Creator ${index}` }));
    const calls = serve({ search_creators: [{ hits: hits(30), ranking: ranking({ order: 'followers' }) }, { hits: hits(41), ranking: ranking({ order: 'followers' }) }] });
    withSession(<CreatorsPage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Show more' }));
    await screen.findByRole('article', { name: 'Creator 40' });
    expect(calls.map((call) => call.input.limit)).toEqual([30, 60]);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('words the filter names the tool reports', () => {
    expect(filterLabel('min_followers, max_followers')).toBe('Followers');
    expect(filterLabel('available_between')).toBe('Available');
  });
});

describe('follower growth', () => {
  it('draws a line per network and switches to the change since the first point', async () => {
    const { container } = render(<GrowthChart series={[
      { network: 'tiktok', points: [{ at: '2026-09-01', followers: 1_000_000 }, { at: '2026-10-01', followers: 1_200_000 }, { at: '2026-11-01', followers: 1_500_000 }] },
      { network: 'youtube', points: [{ at: '2026-09-01', followers: 80_000 }, { at: '2026-11-01', followers: 96_000 }] },
    ]} />);
    expect([...container.querySelectorAll('[data-series]')].map((series) => series.getAttribute('data-series'))).toEqual(['TikTok', 'YouTube']);
    expect(container.querySelector('[data-chart="creator-growth"]')!.getAttribute('aria-label')).toContain('TikTok 1,000,000 to 1,500,000; YouTube 80,000 to 96,000');
    await userEvent.click(screen.getByRole('button', { name: 'Change %' }));
    const ticks = [...container.querySelectorAll('svg > g:first-child text')].map((text) => text.textContent);
    expect(ticks).toEqual(['0%', '+20%', '+40%', '+60%']);
  });

  it('ranges its axis over the data in nice steps', () => {
    expect(niceRange(80_000, 1_500_000)).toEqual({ low: 0, high: 1_500_000, ticks: [0, 500_000, 1_000_000, 1_500_000] });
    expect(niceRange(1_210_000, 1_260_000).ticks).toEqual([1_200_000, 1_220_000, 1_240_000, 1_260_000]);
  });
});

function assignment(overrides: Partial<AssignmentRow> = {}): AssignmentRow {
  return {
    assignment_id: 'as-1', creator_campaign_id: 'cc-1', creator_campaign_name: 'Silver Rush – creator push', creator_id: 'cr-1', creator_name: 'Sofía Ramírez', handle: 'sofiaramirezbaila',
    status: 'ACCEPTED', status_label: 'Accepted', fee: 1800, currency: 'USD', notes: null,
    deliverables: [{ network: 'tiktok', format: 'video', agreed: 3, submitted: 1, published: 1, due_on: '2026-12-01', overdue: true }],
    agreed: 3, submitted: 1, published: 1, delivered: false, next_due_on: '2026-12-01', overdue: true,
    content: [{ content_id: 'ct-1', network: 'tiktok', url: 'https://www.tiktok.com/@sofiaramirezbaila/video/7301234567890123456', format: 'video', published_at: '2026-11-20T18:00:00.000Z' }],
    paid: null, assigned_at: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

function campaign(rows: AssignmentRow[], overrides: Partial<CampaignDetail> = {}): CampaignDetail {
  const statuses = ['INVITED', 'ACCEPTED', 'DECLINED', 'CONTENT_SUBMITTED', 'CONTENT_APPROVED', 'PUBLISHED', 'PAID'] as const;
  return {
    creator_campaign_id: 'cc-1', name: 'Silver Rush – creator push', objective: 'VIDEO_VIEWS', status: 'ACTIVE', networks: ['tiktok', 'instagram'],
    company: null, client: { client_id: 'cl-1', name: 'Cobalt Records' }, release: { release_id: 'r-1', title: 'Silver Rush', artist: 'Vera Hale' },
    budget: 10_000, currency: 'USD', network_budgets: { tiktok: 7000, instagram: 3000 }, starts_on: '2026-11-01', ends_on: '2026-12-31',
    committed: 11_200, invited: 900, paid: 2500, remaining: -1200, creators: rows.length, delivery: { agreed: 6, published: 2, overdue_creators: 1 }, notes: [],
    per_network: [{ network: 'tiktok', budget: 7000, committed: 8200, invited: 900, paid: 2500 }, { network: 'instagram', budget: 3000, committed: 3000, invited: 0, paid: 0 }],
    board: statuses.map((status) => ({ status, status_label: status, count: rows.filter((row) => row.status === status).length, assignments: rows.filter((row) => row.status === status) })),
    ...overrides,
  };
}

describe('the creator campaign page', () => {
  it('puts each creator in the column of their status, flags what is overdue, and offers only the moves the workflow allows', () => {
    const rows = [assignment(), assignment({ assignment_id: 'as-2', creator_id: 'cr-2', creator_name: 'Kenji Mori', handle: 'kenjimori', status: 'PUBLISHED', overdue: false, deliverables: [{ network: 'tiktok', format: 'video', agreed: 2, submitted: 2, published: 2, due_on: '2026-11-20', overdue: false }] })];
    withSession(<AssignmentBoard campaign={campaign(rows)} onChanged={() => {}} />);
    const column = (name: string) => screen.getByRole('listitem', { name });
    expect(within(column('Accepted')).getByRole('article', { name: 'Sofía Ramírez' }).className).toContain('cr-card-overdue');
    expect(within(column('Published')).getByRole('article', { name: 'Kenji Mori' })).toBeTruthy();
    expect(column('Invited').textContent).toContain('None');
    expect(screen.getByRole('note').textContent).toBe('1 creator has overdue deliverables: Sofía Ramírez.');
    const sofia = screen.getByRole('article', { name: 'Sofía Ramírez' });
    expect(within(sofia).getByRole('list', { name: 'Deliverables' }).textContent).toContain('TikTok video 1/3');
    expect(within(sofia).getByText('Overdue')).toBeTruthy();
    expect([...within(sofia).getByLabelText('Move Sofía Ramírez to').querySelectorAll('option')].map((option) => option.textContent)).toEqual(['Move to…', 'Content submitted']);
    expect(within(sofia).queryByRole('button', { name: 'Request payment' })).toBeNull();
    expect(within(screen.getByRole('article', { name: 'Kenji Mori' })).getByRole('button', { name: 'Request payment' })).toBeTruthy();
  });

  it('files the payment for approval and says nothing is paid until someone approves it', async () => {
    const calls = serve({ pay_creator: [{ approval_id: 'appr-7', status: 'pending', preview: 'Pay Kenji Mori 1,200.00 USD for "Silver Rush – creator push"' }] });
    const onChanged = vi.fn();
    withSession(<AssignmentBoard campaign={campaign([assignment({ status: 'PUBLISHED', overdue: false })])} onChanged={onChanged} />);
    await userEvent.click(screen.getByRole('button', { name: 'Request payment' }));
    const status = await screen.findByText(/Approval requested/);
    expect(status.textContent).toContain('Nothing is paid until another person approves it; then it is paid once.');
    expect(screen.getByRole('link', { name: 'See the request' }).getAttribute('href')).toBe('/approvals/appr-7');
    expect(calls).toEqual([{ tool: 'pay_creator', input: { assignment_id: 'as-1' } }]);
    expect((screen.getByRole('button', { name: 'Request payment' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('asks why before sending content back', async () => {
    const calls = serve({ update_assignment: [{ ...assignment({ status: 'ACCEPTED' }), warnings: [] }] });
    withSession(<AssignmentBoard campaign={campaign([assignment({ status: 'CONTENT_SUBMITTED' })])} onChanged={() => {}} />);
    await userEvent.selectOptions(screen.getByLabelText('Move Sofía Ramírez to'), 'ACCEPTED');
    expect(calls).toEqual([]);
    await userEvent.type(screen.getByLabelText('What should change?'), 'Show the song title on screen');
    await userEvent.click(screen.getByRole('button', { name: 'Send back' }));
    await screen.findByText('Moved to Accepted.');
    expect(calls).toEqual([{ tool: 'update_assignment', input: { assignment_id: 'as-1', status: 'ACCEPTED', reason: 'Show the song title on screen' } }]);
  });

  it('books a creator with deliverables, and asks why only once the fee is refused as outside their contract', async () => {
    const refusal = { error: { code: 'invalid_input', message: "fee: 1,200.00 USD is below the contract's range for these deliverables (at least 1,600.00 USD); give outside_contract_reason to book it anyway", issues: [{ path: 'fee', message: "1,200.00 USD is below the contract's range for these deliverables (at least 1,600.00 USD); give outside_contract_reason to book it anyway" }] } };
    const calls: Array<{ tool: string; input: Record<string, unknown> }> = [];
    const answers: Record<string, Array<{ status: number; body: unknown }>> = {
      list_creators: [{ status: 200, body: { rows: [{ id: 'cr-9', name: 'Tomás Rey', handle: 'tomasrey', country: 'CO', networks: [], total_followers: 51_000, genres: [], niches: [], languages: [], is_active: true }], next_cursor: null } }],
      assign_creator: [{ status: 400, body: refusal }, { status: 200, body: {} }],
    };
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      const tool = url.split('/').pop()!;
      calls.push({ tool, input: JSON.parse(String(init?.body ?? '{}')) });
      const queue = answers[tool]!;
      const { status, body } = queue.length > 1 ? queue.shift()! : queue[0]!;
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }));
    const onDone = vi.fn();
    withSession(<AssignForm campaign={campaign([])} onDone={onDone} onCancel={() => {}} />);
    await screen.findByRole('option', { name: 'Tomás Rey (@tomasrey)' });
    await userEvent.selectOptions(screen.getByLabelText('Creator'), 'cr-9');
    await userEvent.type(screen.getByLabelText('Fee'), '1200');
    await userEvent.clear(screen.getByLabelText('How many'));
    await userEvent.type(screen.getByLabelText('How many'), '2');
    expect(screen.queryByLabelText("Why book outside their contract's fee range?")).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Assign' }));
    expect((await screen.findByRole('alert')).textContent).toContain("below the contract's range");
    await userEvent.type(screen.getByLabelText("Why book outside their contract's fee range?"), 'Launch-week rate agreed with the manager');
    await userEvent.click(screen.getByRole('button', { name: 'Assign' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    const booked = calls.filter((call) => call.tool === 'assign_creator').map((call) => call.input);
    expect(booked[0]).toEqual({ creator_campaign_id: 'cc-1', creator_id: 'cr-9', fee: 1200, currency: 'USD', deliverables: [{ network: 'tiktok', format: 'video', count: 2, due_on: '2026-12-31' }] });
    expect(booked[1]).toEqual({ ...booked[0], outside_contract_reason: 'Launch-week rate agreed with the manager' });
  });

  it('asks before marking a booking declined, which is final', async () => {
    const calls = serve({ update_assignment: [{ ...assignment({ status: 'DECLINED' }), warnings: [] }] });
    withSession(<AssignmentBoard campaign={campaign([assignment({ status: 'INVITED' })])} onChanged={() => {}} />);
    await userEvent.selectOptions(screen.getByLabelText('Move Sofía Ramírez to'), 'DECLINED');
    expect(calls).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Mark declined' }));
    await screen.findByText('Moved to Declined.');
    expect(calls).toEqual([{ tool: 'update_assignment', input: { assignment_id: 'as-1', status: 'DECLINED' } }]);
  });

  it('shows budget against committed and paid, and an overspend as over budget', () => {
    const { container } = render(<Budget campaign={campaign([])} />);
    const cards = [...container.querySelectorAll('.stat-card')].map((card) => card.textContent);
    expect(cards).toEqual([
      'Budget$10,000.00TikTok, Instagram',
      'Committed$11,200.00112% of the budget in agreed fees; $900.00 more offered',
      'Paid$2,500.0022% of committed',
      'Over budget$1,200.002 of 6 pieces published, 1 creator overdue',
    ]);
    const tiktok = within(screen.getByRole('region', { name: 'Budget per network' })).getAllByRole('row')[1]!;
    expect(tiktok.textContent).toBe('TikTok$7,000.00$8,200.00$900.00$2,500.00-$1,200.00');
  });

  it('writes costs per view to three significant figures, and the totals row', () => {
    expect(formatUnitCost(0.004234, 'USD')).toBe('$0.00423');
    expect(formatUnitCost(2.5, 'EUR')).toBe('€2.50');
    const figures = { content: 2, views: 400_000, likes: 30_000, comments: 1000, shares: 500, saves: 500, engagement: 32_000, engagement_rate: 0.08, fee: 1800, cost_per_view: 0.0045, cost_per_engagement: 0.0563 };
    const performance: CampaignPerformance = {
      creator_campaign_id: 'cc-1', name: 'Silver Rush', currency: 'USD', notes: [],
      creators: [{ assignment_id: 'as-1', creator_id: 'cr-1', creator_name: 'Sofía Ramírez', handle: 'sofiaramirezbaila', status: 'PUBLISHED', fee_original: { amount: 1800, currency: 'USD' }, ...figures }],
      total: figures,
    };
    render(<PerformanceTable performance={performance} />);
    const rows = screen.getAllByRole('row').map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows[1]).toEqual(['Sofía RamírezPublished', '2', '400,000', '32,000', '8%', '$1,800.00', '$0.0045', '$0.0563']);
    expect(rows[2]).toEqual(['Total', '2', '400,000', '32,000', '8%', '$1,800.00', '$0.0045', '$0.0563']);
  });
});

describe('importing creators', () => {
  const outcome = (overrides: Record<string, unknown>) => ({ files: 1, files_loaded: 1, files_rejected: 0, rows: 2, rows_stored: 0, rows_unchanged: 0, rows_replaced: 0, errors: [], errors_not_shown: 0, dry_run: true, status: 'done', import_id: null, kept_synced: [], ...overrides });

  it('checks the file first, names a bad line, and imports only a clean file', async () => {
    const calls = serve({ import_creators: [
      outcome({ files_loaded: 0, files_rejected: 1, errors: [{ file: 'roster.csv', line: 3, reason: 'country: "Spainn" is not an ISO 3166-1 alpha-2 country code' }] }),
      outcome({}),
      outcome({ dry_run: false, rows_stored: 2, rows_replaced: 1 }),
    ] });
    const onImported = vi.fn();
    withSession(<ImportPanel onImported={onImported} onClose={() => {}} />);
    const csv = 'name,handle,country\nMara Lopez,@mara.beats,ES\nLeo Park,leoplays,Spainn\n';
    await userEvent.upload(screen.getByLabelText('CSV file'), new File([csv], 'roster.csv', { type: 'text/csv' }));
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    expect((await screen.findByText('1 problem to fix first: nothing was stored.'))).toBeTruthy();
    expect(screen.getByText('Line 3: country: "Spainn" is not an ISO 3166-1 alpha-2 country code')).toBeTruthy();
    expect(calls[0]).toEqual({ tool: 'import_creators', input: { files: [{ name: 'roster.csv', content: csv }], dry_run: true } });

    await userEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Import 2 rows' }));
    await screen.findByText('Imported: 1 new creator, 1 update, 0 rows already up to date.');
    expect(calls[2]!.input).toEqual({ files: [{ name: 'roster.csv', content: csv }], dry_run: false });
    expect(onImported).toHaveBeenCalledOnce();
  });
});

describe('the creator page', () => {
  it('sums up reach, genres and the contract in the header', () => {
    const creator = {
      total_followers: 1_596_000, genres: ['reggaeton', 'latin pop'], platforms: [{}, {}],
      contract: { commission_rate: 0.15, exclusive: true, exclusive_from: null, exclusive_until: '2027-06-30', fee_ranges: [{ format: 'video', network: 'tiktok', min: 1800, max: 2500, currency: 'USD' }], rate_card: [] },
    } as unknown as Parameters<typeof headerSummary>[0];
    expect(headerSummary(creator)).toBe(`1.6M followers on 2 networks · reggaeton, latin pop · exclusive until ${formatDay('2027-06-30')} · 15% commission · $1,800–$2,500 per TikTok video`);
  });
});

describe('creators addresses', () => {
  const pageOf = (path: string) => PAGE_PATHS.find((page) => matchPath(page.pattern, path))?.title;

  it('routes the campaigns list before a creator id would take it', () => {
    expect(pageOf('/creators')).toBe('Creators');
    expect(pageOf('/creators/campaigns')).toBe('Creator campaigns');
    expect(pageOf('/creators/campaigns/cc-1')).toBe('Creator campaign');
    expect(pageOf('/creators/cr-1')).toBe('Creator');
  });

  it('links a saved creator, creator campaign or booking to its page', () => {
    expect(recordLink('create_creator', { id: 'cr-1', name: 'Sofía' })).toEqual({ href: '/creators/cr-1', label: 'Open the creator' });
    expect(recordLink('update_creator_campaign', { creator_campaign_id: 'cc-1' })).toEqual({ href: '/creators/campaigns/cc-1', label: 'Open the creator campaign' });
    expect(recordLink('assign_creator', { assignment: { creator_campaign_id: 'cc-1' } })).toEqual({ href: '/creators/campaigns/cc-1', label: 'Open the creator campaign' });
  });
});
