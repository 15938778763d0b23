import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { comparison } from '../../testing/fixtures.ts';
import { ComparisonView } from './attribution-page.tsx';

/** Grouped by campaign: keys the tool matched to playlist campaigns come with their names and ids. */
function byCampaign() {
  const base = comparison();
  const revenue = (first: number, last: number) => ({ first_touch: first, last_touch: last, linear: (first + last) / 2, time_decay: null, position_based: null, custom: null, markov: null });
  return {
    ...base,
    group_by: 'campaign',
    rows: [
      { key: '(none)', label: 'No campaign', campaign_id: null, revenue: revenue(120, 100), min: 100, max: 120, spread: 20, spread_share: 0.18 },
      { key: 'luna-vega-midnight-drive', label: 'Luna Vega – Midnight Drive + 1 more', campaign_id: 'c-9', revenue: revenue(90, 30), min: 30, max: 90, spread: 60, spread_share: 1 },
      { key: 'newsletter-41', label: 'Newsletter-41', campaign_id: null, revenue: revenue(10, 50), min: 10, max: 50, spread: 40, spread_share: 1.33 },
    ],
    rows_not_shown: 12,
    top_key_by_model: { first_touch: '(none)', last_touch: '(none)', linear: '(none)' },
    top_named_by_model: Object.fromEntries(['first_touch', 'last_touch', 'linear'].map((model) => [model, { key: 'luna-vega-midnight-drive', label: 'Luna Vega – Midnight Drive + 1 more', campaign_id: 'c-9' }])),
    disagreements: ['Luna Vega – Midnight Drive + 1 more: First touch credits $90.00, Last touch $30.00 (a spread of $60.00).'],
  } as ReturnType<typeof comparison>;
}

describe('attribution grouped by campaign', () => {
  it('shows campaigns by name, linked, and names the top campaign rather than "No campaign"', () => {
    render(<ComparisonView comparison={byCampaign()} onShowMore={() => undefined} />);
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['No campaign', 'Luna Vega – Midnight Drive + 1 more', 'Newsletter-41']);
    expect(within(table).getByRole('link', { name: 'Luna Vega – Midnight Drive + 1 more' }).getAttribute('href')).toBe('/campaigns/c-9');
    expect(within(table).getAllByRole('columnheader')[0]!.textContent).toBe('Campaign');
    expect(screen.getByText('Top campaign by model').parentElement!.textContent).toContain('Every model: Luna Vega – Midnight Drive + 1 more');
    expect(document.body.textContent).not.toMatch(/luna-vega|\(none\)|first_touch/);
  });

  it('lets the smaller rows be shown', async () => {
    const showMore = vi.fn();
    render(<ComparisonView comparison={byCampaign()} onShowMore={showMore} />);
    expect(screen.getByText(/^12 smaller campaigns not shown\./)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Show all 12' }));
    expect(showMore).toHaveBeenCalledOnce();
  });

  it('names each model\'s top channel when the models disagree', () => {
    const channels = comparison();
    channels.top_named_by_model = { ...channels.top_named_by_model, first_touch: { key: '(direct)', label: 'Direct', campaign_id: null } };
    render(<ComparisonView comparison={channels} onShowMore={() => undefined} />);
    const card = screen.getByText('Top channel by model').parentElement!;
    expect(within(card).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['First touch: Direct', 'Last touch: Email', 'Linear: Email']);
  });
});
