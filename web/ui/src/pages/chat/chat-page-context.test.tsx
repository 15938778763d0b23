import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../auth/session.tsx';
import ChatPage from './chat-page.tsx';
import { chatHref } from './page-context.ts';

/** The chat API at the network boundary: its status, and one streamed answer; the bodies POSTed are kept. */
function serve() {
  const posted: Array<Record<string, unknown>> = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    const path = new URL(url, 'http://ui.invalid').pathname;
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    if (init?.method === 'POST' && path === '/api/chat') {
      posted.push(JSON.parse(String(init.body)) as Record<string, unknown>);
      return new Response(`event: thread\ndata: {"thread_id":"th1"}\n\nevent: text\ndata: {"delta":"Summer Hearts is on track."}\n\n`, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    }
    if (path === '/api/chat') return json({ model: 'claude-sonnet-4-6' });
    if (path === '/api/tools') return json({ tools: [] });
    return new Response('{}', { status: 404 });
  }));
  return posted;
}

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('ChatPage opened from a record\'s page', () => {
  it('says what it asks about, sends the page and record with each question, and can ask without them', async () => {
    const posted = serve();
    window.history.replaceState(null, '', chatHref('/campaigns/c-42', 'Summer Hearts'));
    render(<SessionProvider initialToken="t"><ChatPage /></SessionProvider>);
    const note = await screen.findByText(/Asking about/);
    expect(note.closest('p')!.textContent).toContain('Asking about campaign Summer Hearts: “this campaign” means it.');

    const message = screen.getByLabelText('Message');
    await userEvent.type(message, 'how is this campaign doing?{Enter}');
    await screen.findByText('Summer Hearts is on track.');
    expect(posted[0]).toEqual({ message: 'how is this campaign doing?', context: { page: { path: '/campaigns/c-42', title: 'Campaign' }, record: { type: 'campaign', id: 'c-42' } } });

    await userEvent.click(screen.getByRole('button', { name: 'Ask without it' }));
    expect(screen.queryByText(/Asking about/)).toBeNull();
    expect(window.location.pathname + window.location.search).toBe('/chat');
    await userEvent.type(message, 'and overall?{Enter}');
    await vi.waitFor(() => expect(posted).toHaveLength(2));
    // The same conversation goes on, without the page.
    expect(posted[1]).toEqual({ message: 'and overall?', thread_id: 'th1' });
  });

  it('opened from the navigation, sends no context', async () => {
    const posted = serve();
    window.history.replaceState(null, '', '/chat');
    render(<SessionProvider initialToken="t"><ChatPage /></SessionProvider>);
    await userEvent.type(await screen.findByLabelText('Message'), 'hello{Enter}');
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({ message: 'hello' });
    expect(screen.queryByText(/Asking about/)).toBeNull();
  });
});
