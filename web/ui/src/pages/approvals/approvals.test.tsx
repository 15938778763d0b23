import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import { approval } from '../../testing/fixtures.ts';
import { ApprovalCard } from './approval-card.tsx';
import { ApprovalHistory } from './approval-history.tsx';

describe('ApprovalCard', () => {
  it('shows what will happen and who asked, and approves with the comment', async () => {
    const onDecide = vi.fn(async () => undefined);
    render(<ul><ApprovalCard approval={approval()} onDecide={onDecide} /></ul>);
    expect(screen.getByRole('heading', { name: 'Pay a vendor' })).toBeTruthy();
    expect(screen.getByText(/Pay Bassline Media 450.00 USD/)).toBeTruthy();
    expect(screen.getByText(/Requested by sam@demo.example via web/)).toBeTruthy();

    await userEvent.type(screen.getByLabelText('Comment (optional)'), '  invoice #88 checked ');
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(onDecide).toHaveBeenCalledWith('approve', 'invoice #88 checked');
  });

  it('keeps the request and says why when the decision is refused', async () => {
    const onDecide = vi.fn(async () => {
      throw new ApiError('forbidden', 'You requested this yourself: another approver must decide it.', 403);
    });
    render(<ul><ApprovalCard approval={approval()} onDecide={onDecide} /></ul>);
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }));
    expect(onDecide).toHaveBeenCalledWith('reject', '');
    expect(screen.getByRole('alert').textContent).toBe('You requested this yourself: another approver must decide it.');
    expect((screen.getByRole('button', { name: 'Approve' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('ApprovalHistory', () => {
  it('shows each outcome with the decider, the comment and any failure', () => {
    render(<ApprovalHistory rows={[
      approval({ id: 'a-2', status: 'executed', decided_by: 'owner@demo.example', decided_at: '2026-11-21T10:00:00.000Z', executed_at: '2026-11-21T10:00:02.000Z' }),
      approval({ id: 'a-3', action: 'commit_allocation', status: 'rejected', comment: 'Budget is frozen until December', decided_by: 'owner@demo.example' }),
      approval({ id: 'a-4', status: 'failed', error: 'The vendor was retired' }),
    ]} />);
    const rows = screen.getAllByRole('row').slice(1).map((row) => within(row));
    expect(rows[0]!.getByText('Done')).toBeTruthy();
    expect(rows[1]!.getByText('Book playlist placements')).toBeTruthy();
    expect(rows[1]!.getByText('Rejected')).toBeTruthy();
    expect(rows[1]!.getByText('“Budget is frozen until December”')).toBeTruthy();
    expect(rows[2]!.getByText('The vendor was retired')).toBeTruthy();
  });

  it('says when nothing was decided yet', () => {
    render(<ApprovalHistory rows={[]} />);
    expect(screen.getByRole('status').textContent).toContain('No decisions yet.');
  });
});
