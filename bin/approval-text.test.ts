import { describe, expect, it } from 'vitest';
import type { ApprovalView } from '../tools/approvals/approval-view.ts';
import { approvalText } from './approval-text.ts';

const pending: ApprovalView = {
  id: 'a-1', action: 'pay_vendor', status: 'pending', preview: 'Pay Club Restricted 283.26 USD for campaign “Autumn push” (…)',
  summary: {
    headline: 'Pay Club Restricted 283.26 USD', amount: { value: 283.26, currency: 'USD' }, campaign: { id: 'c-1', name: 'Autumn push' },
    songs: [{ title: 'Night Drive', artist: 'Example Artist' }],
    evidence: [{ label: 'Delivered to date', value: '18,000 of 24,000 streams promised' }, { label: 'Delivery rate', value: '75%' }],
    warnings: ['This brings payments to 700.00 USD, 70.00 USD more than the placements are priced.'],
  },
  requested_by: 'sam@demo.example', requested_by_name: 'Sam Rivera', requested_by_you: false, requested_via: 'slack', requested_via_label: 'Slack',
  requested_at: '2026-11-20T12:00:00.000Z', decided_by: null, decided_at: null, comment: null, executed_at: null, outcome: null, error: null, change_note: null,
};

describe('approvalText', () => {
  it('prints what happens, what for, the evidence and who asked, never the tool name', () => {
    expect(approvalText(pending)).toBe([
      'a-1  pending    Pay Club Restricted 283.26 USD',
      '    For Autumn push · “Night Drive” by Example Artist',
      '    Delivered to date: 18,000 of 24,000 streams promised · Delivery rate: 75%',
      '    Warning: This brings payments to 700.00 USD, 70.00 USD more than the placements are priced.',
      '    Requested by Sam Rivera (sam@demo.example) via Slack · 2026-11-20T12:00:00.000Z',
      '',
    ].join('\n'));
  });

  it("says a requester's own request needs another approver, and an executed one's outcome in words", () => {
    expect(approvalText({ ...pending, requested_by_you: true })).toContain('    You asked for this: another approver must decide.\n');
    expect(approvalText({ ...pending, status: 'executed', outcome: 'Payment of 283.26 USD recorded on 20 Nov 2026.' })).toContain('    Done: Payment of 283.26 USD recorded on 20 Nov 2026.\n');
  });

  it('falls back to the preview for requests filed before summaries', () => {
    expect(approvalText({ ...pending, summary: null }).split('\n')[0]).toBe('a-1  pending    Pay Club Restricted 283.26 USD for campaign “Autumn push” (…)');
  });
});
