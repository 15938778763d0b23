import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import { approval } from '../../testing/fixtures.ts';
import { ApprovalCard, ReadOnlyApproval } from './approval-card.tsx';
import { ApprovalHistory } from './approval-history.tsx';

describe('ApprovalCard', () => {
  it('shows what happens, the amount, what it is for, the evidence and who asked, without opening anything', () => {
    render(<ul><ApprovalCard approval={approval()} onDecide={vi.fn()} /></ul>);
    expect(screen.getByRole('heading', { name: 'Pay Bassline Media 450.00 USD' })).toBeTruthy();
    expect(document.querySelector('.approval-amount')!.textContent).toBe('450.00 USD');
    expect(screen.getByRole('link', { name: 'Vera Hale – Silver Rush' }).getAttribute('href')).toBe('/campaigns/c-1');
    expect(screen.getByText('“Silver Rush” by Vera Hale')).toBeTruthy();
    const facts = Object.fromEntries([...document.querySelectorAll('.approval-fact')].map((fact) => [fact.querySelector('dt')!.textContent, fact.querySelector('dd')!.textContent]));
    expect(facts).toMatchObject({ 'Delivered to date': '15,336 of 19,200 streams promised', 'Delivery rate': '80%', 'Placements priced': '450.00 USD', 'Paid so far': '0.00 USD' });
    expect(screen.getByText(/Requested by Sam Rivera \(sam@demo.example\) via the web app/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('pay_vendor');
  });

  it('asks for confirmation restating the amount before approving, with the comment', async () => {
    const onDecide = vi.fn(async () => undefined);
    render(<ul><ApprovalCard approval={approval()} onDecide={onDecide} /></ul>);
    await userEvent.type(screen.getByLabelText('Comment (optional)'), '  invoice #88 checked ');
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(onDecide).not.toHaveBeenCalled();
    const dialog = screen.getByRole('dialog', { name: 'Approve 450.00 USD?' });
    expect(within(dialog).getByText('Pay Bassline Media 450.00 USD')).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve 450.00 USD' }));
    expect(onDecide).toHaveBeenCalledWith('approve', 'invoice #88 checked');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('cancelling the confirmation decides nothing and gives focus back to Approve', async () => {
    const onDecide = vi.fn(async () => undefined);
    render(<ul><ApprovalCard approval={approval()} onDecide={onDecide} /></ul>);
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onDecide).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Approve' }));
  });

  it("shows the requester their own request without Approve: another approver must decide", () => {
    render(<ul><ApprovalCard approval={approval({ requested_by_you: true })} onDecide={vi.fn()} /></ul>);
    expect(screen.getByRole('heading', { name: 'Pay Bassline Media 450.00 USD' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reject' })).toBeNull();
    expect(screen.getByRole('note').textContent).toBe('You asked for this: another approver must decide.');
    expect(screen.getByText(/Requested by you via the web app/)).toBeTruthy();
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

  it('a request without a summary (filed before them) shows its preview and the action in words', () => {
    render(<ul><ReadOnlyApproval approval={approval({ summary: null })} /></ul>);
    expect(screen.getByRole('heading', { name: 'Pay a vendor' })).toBeTruthy();
    expect(screen.getByText(/Pay Bassline Media 450.00 USD for campaign/)).toBeTruthy();
    expect(screen.getByText('Managers and above decide requests.')).toBeTruthy();
  });
});

describe('ApprovalHistory', () => {
  it('shows each outcome in words with the decider, the comment and any failure', () => {
    render(<ApprovalHistory rows={[
      approval({ id: 'a-2', status: 'executed', decided_by: 'owner@demo.example', decided_at: '2026-11-21T10:00:00.000Z', executed_at: '2026-11-21T10:00:02.000Z', outcome: 'Payment of 450.00 USD recorded on 21 Nov 2026.' }),
      approval({ id: 'a-3', action: 'commit_allocation', summary: null, status: 'rejected', comment: 'Budget is frozen until December', decided_by: 'owner@demo.example' }),
      approval({ id: 'a-4', status: 'failed', error: 'The vendor was retired' }),
    ]} />);
    const rows = screen.getAllByRole('row').slice(1).map((row) => within(row));
    expect(rows[0]!.getByText('Done')).toBeTruthy();
    expect(rows[0]!.getByText('Pay Bassline Media 450.00 USD')).toBeTruthy();
    expect(rows[0]!.getByText('Payment of 450.00 USD recorded on 21 Nov 2026.')).toBeTruthy();
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
