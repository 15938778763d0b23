import { describe, expect, it } from 'vitest';
import type { DailyDigest } from '../../tools/insights/daily-digest.ts';
import { digestFacts } from '../../jobs/handlers/digest-message.ts';
import { DIGEST_APPROVALS_ACTION, DIGEST_ASK_ACTION, renderDigest } from './digest-blocks.ts';

const WEB = 'https://crescendo.example.com';

const digest: DailyDigest = {
  date: '2026-12-04', previous_day: '2026-12-03', same_weekday_last_week: '2026-11-27', currency: 'USD',
  metrics: [
    { metric: 'streams', unit: 'streams', value: 12345, previous_day: 11000, change_vs_previous_day_percent: 12.227, same_weekday_last_week: 12600, change_vs_last_week_percent: -2.0238 },
    { metric: 'spend', unit: 'USD', value: 20744.555, previous_day: 0, change_vs_previous_day_percent: null, same_weekday_last_week: 20000, change_vs_last_week_percent: 3.7 },
    { metric: 'revenue', unit: 'USD', value: 100, previous_day: 100, change_vs_previous_day_percent: 0, same_weekday_last_week: 100, change_vs_last_week_percent: 0 },
    { metric: 'conversions', unit: 'conversions', value: 1, previous_day: 2, change_vs_previous_day_percent: -50, same_weekday_last_week: 1, change_vs_last_week_percent: 0 },
  ],
  daily: [{ date: '2026-12-03', streams: 11000, spend: 0 }, { date: '2026-12-04', streams: 12345, spend: 20744.56 }],
  top_campaigns: [{ campaign_id: 'c-1', name: 'Lowtide – Winter Push', streams_7d: 80000, vendor_streams_7d: 80000, real_streams_7d: 95000, delivered: 45000, goal: 60000, progress: 0.75 }],
  under_delivering_vendors: [{ vendor_id: 'v-1', vendor_name: 'Pulse Media', delivery_rate: 0.3049, delivered_streams: 3049, promised_streams: 10000, real_cost_per_1k: 9.84, promised_cost_per_1k: 3, promised_cost_currency: 'USD', note: null }],
  anomalies: [{ metric: 'spend', dimension: 'channel', key: 'spotify_marquee', value: 900, mean: 300, sd: 50, direction: 'above' }],
  anomaly_rule: 'mean ± 3 sd of the previous 28 days',
  notes: [],
  pending_approvals: { count: 2, oldest: { approval_id: 'a-1', action: 'pay_vendor', preview: 'Pay Pulse Media 283.26 USD\nfor Lowtide', requested_at: '2026-12-02T10:00:00Z', age_days: 2 } },
  overdue_tasks: [{
    assignee: 'Sam Lee', assignee_email: 'sam@label.test', count: 1,
    tasks: [{ task_id: 't-1', title: 'Send the tour proposal', due_at: '2026-12-01T17:00:00Z', days_overdue: 3, priority: 'HIGH', about: "deal 'Spring tour'" }],
  }],
};

describe('the daily digest in Slack', () => {
  const rendered = renderDigest(digest, 'Streams up 12%.', WEB);
  const text = JSON.stringify(rendered.blocks);

  it('shows rates and changes as percentages, never raw shares', () => {
    expect(text).toContain('12,345 (+12% on the day before, -2% on a week ago)');
    expect(text).toContain('20,744.56 USD (+3.7% on a week ago)');
    expect(text).toContain('(30% delivered)');
    expect(text).toContain('45,000 of 60,000 delivered (75%)');
    expect(text).not.toMatch(/0\.30|0\.75/);
  });

  it('links each campaign, vendor alert, anomaly and the oldest approval to the web UI, with names people use', () => {
    expect(text).toContain(`<${WEB}/campaigns/c-1|Lowtide – Winter Push>`);
    expect(text).toContain(`<${WEB}/vendors|Pulse Media>`);
    expect(text).toContain(`<${WEB}/|Spend of Spotify Marquee>`);
    expect(text).toContain(`<${WEB}/approvals/a-1|Pay Pulse Media 283.26 USD>`);
  });

  it('lists each assignee\'s overdue tasks with what they are about and how late they are', () => {
    expect(text).toContain("Sam Lee: Send the tour proposal (deal 'Spring tour'), 3 days late");
    expect(JSON.stringify(renderDigest({ ...digest, overdue_tasks: [] }, 'Streams up 12%.', WEB).blocks)).not.toContain('Overdue tasks');
  });

  it('has an "Open approvals" link button and an "Ask about this" button carrying the digest\'s day', () => {
    const actions = rendered.blocks.find((block) => block.type === 'actions') as unknown as { elements: Array<Record<string, unknown>> };
    expect(actions.elements[0]).toMatchObject({ action_id: DIGEST_APPROVALS_ACTION, url: `${WEB}/approvals`, text: { text: 'Open approvals' } });
    expect(actions.elements[1]).toMatchObject({ action_id: DIGEST_ASK_ACTION, value: '2026-12-04', text: { text: 'Ask about this' } });
    expect(rendered.charts.map((chart) => chart.title)).toEqual(['Streams per day', 'Marketing spend per day']);
  });

  it('without a known web UI, names things without links and "Open approvals" lists them in Slack', () => {
    const offline = renderDigest(digest, 'Streams up 12%.', null);
    const offlineText = JSON.stringify(offline.blocks);
    expect(offlineText).not.toContain('<http');
    expect(offlineText).toContain('Lowtide – Winter Push:');
    const actions = offline.blocks.find((block) => block.type === 'actions') as unknown as { elements: Array<Record<string, unknown>> };
    expect(actions.elements[0]).toMatchObject({ action_id: DIGEST_APPROVALS_ACTION, value: 'list' });
    expect(actions.elements[0]!.url).toBeUndefined();
  });

  it('gives the model that writes the digest summary delivery as a percentage too, so its prose cannot say 0.3', () => {
    const facts = digestFacts(digest);
    expect(facts).toContain('(30% delivered)');
    expect(facts).not.toContain('0.3049');
  });
});
