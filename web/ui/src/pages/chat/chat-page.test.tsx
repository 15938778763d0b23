import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { vendorPerformance } from '../../../../../tools/campaigns/performance/vendor-performance.ts';
import { SessionProvider } from '../../auth/session.tsx';
import ChatPage from './chat-page.tsx';

const HELP = 'The agent has no language model configured, so it cannot answer. Set ANTHROPIC_API_KEY (and optionally CRESCENDO_MODEL).';

/** The catalogue as GET /api/tools lists it, with the tool's real title (only the fields the chat reads matter here). */
const CATALOGUE = { tools: [{ name: vendorPerformance.name, title: vendorPerformance.title, description: '', area: 'campaigns', access: 'read', read_only: true, input_schema: {} }] };

/** One agent turn over POST /api/chat as the server streams it: server-sent events. */
function chatStream(): string {
  const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
  return [
    event('thread', { thread_id: 'th1' }),
    event('tool-call', { id: 'c1', name: 'vendor_performance', input: { genre: 'dance' } }),
    event('tool-result', { id: 'c1', name: 'vendor_performance', input: { genre: 'dance' }, ok: true, output: { rows: [] } }),
    event('tool-call', { id: 'c2', name: 'list_stream_rates', input: {} }),
    event('tool-result', { id: 'c2', name: 'list_stream_rates', input: {}, ok: false, error: { code: 'forbidden', message: 'Your role may not read stream rates.' } }),
    event('text', { delta: 'Golden Hour Sounds is cheapest.' }),
  ].join('');
}

/** The HTTP API at the network boundary, answering in its own shapes; requests recorded by method and path. */
function serve(chatStatus: unknown) {
  const requests: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    const path = new URL(url, 'http://ui.invalid').pathname;
    const method = init?.method ?? 'GET';
    requests.push(`${method} ${path}`);
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    if (method === 'GET' && path === '/api/chat') return json(chatStatus);
    if (method === 'GET' && path === '/api/tools') return json(CATALOGUE);
    if (method === 'POST' && path === '/api/chat') return new Response(chatStream(), { status: 200, headers: { 'content-type': 'text/event-stream' } });
    return new Response(JSON.stringify({ error: { code: 'not_found', message: `no ${path}` } }), { status: 404 });
  }));
  return requests;
}

afterEach(() => vi.unstubAllGlobals());

describe('ChatPage', () => {
  it('says on arrival that the assistant is not set up, keeps the setup for admins folded, and turns the composer off', async () => {
    const requests = serve({ model: null, help: HELP });
    render(<SessionProvider initialToken="t"><ChatPage /></SessionProvider>);
    const notice = await screen.findByText(/The assistant isn't set up yet; ask your admin\./);
    const box = notice.closest('.setup-notice')!;
    expect(box.querySelector('details')!.open).toBe(false);
    expect(within(box as HTMLElement).getByText('For admins')).toBeTruthy();
    expect(box.textContent).toContain('ANTHROPIC_API_KEY');

    const message = screen.getByLabelText('Message') as HTMLTextAreaElement;
    expect(message.disabled).toBe(true);
    expect(document.getElementById(message.getAttribute('aria-describedby')!)!.textContent).toBe('Sending is off until an admin sets up the assistant.');
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
    // No suggested question the assistant cannot take, and nothing sent.
    expect(screen.queryByRole('button', { name: /cheapest real streams/ })).toBeNull();
    expect(requests).not.toContain('POST /api/chat');
  });

  it('with a model, offers the suggestions and names the tools used by their titles, the tool name as tooltip', async () => {
    serve({ model: 'claude-sonnet-4-5' });
    render(<SessionProvider initialToken="t"><ChatPage /></SessionProvider>);
    await screen.findByRole('button', { name: /cheapest real streams/ });
    expect(screen.queryByText(/isn't set up yet/)).toBeNull();
    const message = screen.getByLabelText('Message') as HTMLTextAreaElement;
    expect(message.disabled).toBe(false);

    await userEvent.type(message, 'Which vendor is cheapest?{Enter}');
    await screen.findByText('Golden Hour Sounds is cheapest.');
    const chips = within(screen.getByRole('list', { name: 'Tools used' })).getAllByRole('listitem');
    // list_stream_rates is not in this role's catalogue: still words, from its name.
    expect(chips.map((chip) => [chip.textContent, chip.title])).toEqual([
      ['Vendor performance scorecard ✓', 'vendor_performance'],
      ['List stream rates ✗', 'list_stream_rates'],
    ]);
    expect(screen.getByText('List stream rates failed: Your role may not read stream rates.')).toBeTruthy();
  });

  it('when the status cannot be read, still lets a person ask', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 502 })));
    render(<SessionProvider initialToken="t"><ChatPage /></SessionProvider>);
    await screen.findByRole('button', { name: /cheapest real streams/ });
    expect((screen.getByLabelText('Message') as HTMLTextAreaElement).disabled).toBe(false);
  });
});
