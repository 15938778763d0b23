import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../auth/session.tsx';
import ChatPage from './chat-page.tsx';

const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
const PROPOSAL = { confirmation_id: 'cf1', thread_id: 'th1', tool_call_id: 'call1', tool: 'update_campaign', title: 'Update a campaign', input: { campaign_id: 'c1', status: 'paused' }, summary: "Pause campaign 'Summer Hearts'?", proposed_by: 'u1' };

/** POST /api/chat proposes a change; POST /api/chat/confirm answers as the server does, recording each decision sent. */
function serve() {
  const decisions: unknown[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    const path = new URL(url, 'http://ui.invalid').pathname;
    const method = init?.method ?? 'GET';
    const sse = (body: string) => new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    if (method === 'GET' && path === '/api/chat') return new Response(JSON.stringify({ model: 'claude-sonnet-4-6' }), { status: 200 });
    if (method === 'POST' && path === '/api/chat') {
      return sse(event('thread', { thread_id: 'th1' }) + event('tool-call', { id: 'call1', name: 'update_campaign', input: PROPOSAL.input }) + event('confirmation-required', PROPOSAL) + event('text', { delta: `Waiting for your confirmation before changing anything:\n- ${PROPOSAL.summary}` }) + event('done', { status: 'confirmation_required', answer: '' }));
    }
    if (method === 'POST' && path === '/api/chat/confirm') {
      const body = JSON.parse(String(init!.body)) as { decision: string };
      decisions.push(body);
      const status = body.decision === 'confirm' ? 'confirmed' : 'cancelled';
      const answer = status === 'confirmed' ? 'Summer Hearts is now paused.' : 'Understood, nothing was changed.';
      return sse(event('thread', { thread_id: 'th1' }) + event('text', { delta: answer }) + event('done', { status: 'answered', answer, decision: { confirmation_id: 'cf1', status, outcome: null, repeated: false } }));
    }
    return new Response(JSON.stringify({ error: { code: 'not_found', message: `no ${path}` } }), { status: 404 });
  }));
  return decisions;
}

afterEach(() => vi.unstubAllGlobals());

describe('ChatPage: a change the assistant proposes', () => {
  for (const [button, decision, answer, outcome] of [
    ['Confirm', 'confirm', 'Summer Hearts is now paused.', 'Confirmed: the change was made as you.'],
    ['Cancel', 'cancel', 'Understood, nothing was changed.', 'Cancelled: nothing was changed.'],
  ] as const) {
    it(`shows it in words with Confirm and Cancel; ${button} sends the decision once and the answer follows`, async () => {
      const decisions = serve();
      render(<SessionProvider initialToken="t"><ChatPage /></SessionProvider>);
      await userEvent.type(await screen.findByLabelText('Message'), 'Which vendors do we use?{Enter}');
      const card = (await screen.findByText('Confirm this change?')).closest('section')!;
      expect(within(card).getByText("Pause campaign 'Summer Hearts'?")).toBeTruthy();
      expect(within(card).getByText('Nothing changes until you confirm.')).toBeTruthy();
      expect(screen.getByRole('list', { name: 'Tools used' }).textContent).toBe('Update campaign: awaiting your confirmation');

      await userEvent.click(within(card).getByRole('button', { name: button }));
      await screen.findByText(answer);
      expect(decisions).toEqual([{ thread_id: 'th1', confirmation_id: 'cf1', decision }]);
      expect(within(card).getByRole('status').textContent).toBe(outcome);
      expect(within(card).queryByRole('button')).toBeNull();
    });
  }
});
