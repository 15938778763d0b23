import { fireEvent, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ToolOutput } from '../../../api/tool-types.ts';
import { MeContext, type Me } from '../../../auth/organization.tsx';
import { SessionProvider } from '../../../auth/session.tsx';
import PostEditorPage from './post-editor-page.tsx';

const POST_ID = '01900000-0000-7000-8000-000000000001';
const ME = { organization: { id: 'o-1', slug: 'demo', name: 'Demo Records', base_currency: 'USD', time_zone: 'Europe/London' } } as Me;

const COVER = { url: 'https://cdn.example/lowtide-cover.jpg', kind: 'image', alt_text: 'A wave at dusk' };

/** A post as get_post answers it. */
function stored(overrides: Partial<ToolOutput<'get_post'>> = {}): ToolOutput<'get_post'> {
  return {
    post_id: POST_ID, platform: 'instagram', account: null, social_account_id: null, release_id: null, content_type: 'post',
    caption: 'Lowtide is out now', hashtags: ['newmusic'], media_count: 1, link: null, scheduled_at: null, local_time: null, status: 'draft',
    content_version: 1, approved_version: null, approval_id: null, external_url: null, error: null,
    title: null, thread: [], media: [COVER], board_id: null, privacy: null, time_zone: null, details: { source: 'generated' }, ...overrides,
  };
}

/** update_post's answer: the post view and no approval. */
function updated(overrides: Partial<ToolOutput<'get_post'>> = {}): ToolOutput<'update_post'> {
  const { title: _title, thread: _thread, media: _media, board_id: _board, privacy: _privacy, time_zone: _zone, details: _details, ...view } = stored(overrides);
  return { ...view, approval: null };
}

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

const renderPage = () => render(
  <SessionProvider initialToken="t">
    <MeContext.Provider value={ME}><PostEditorPage params={{ id: POST_ID }} /></MeContext.Provider>
  </SessionProvider>,
);

describe('the post editor', () => {
  it('counts as the caption is typed, saves only what changed, then asks for approval at the chosen time', async () => {
    const calls = serve({
      get_post: [stored(), stored({ status: 'pending_approval', caption: 'Lowtide is out now. Stream it tonight.', social_account_id: 'acc-1', account: 'Luna Vega', content_version: 2, scheduled_at: '2026-12-12T18:00:00.000Z', local_time: 'Sat, 12 Dec 2026, 18:00 (Europe/London)' })],
      update_post: [updated({ caption: 'Lowtide is out now. Stream it tonight.', social_account_id: 'acc-1', account: 'Luna Vega', content_version: 2 })],
      list_social_accounts: [{ accounts: [{ social_account_id: 'acc-1', platform: 'instagram', external_account_id: '1', display_name: 'Luna Vega', status: 'connected', token_expires_at: null, has_refresh_token: false, last_error: null, connected_at: '2026-12-01T09:00:00.000Z' }] }],
      schedule_post: [{ approval_id: 'appr-9', status: 'pending', preview: 'Publish on Instagram', approve_url: null }],
    });
    renderPage();
    const caption = await screen.findByLabelText('Caption');
    // The post's own picture, from its CDN, with its alt text.
    const cover = within(screen.getByRole('figure', { name: 'Instagram preview' })).getByRole('img', { name: 'A wave at dusk' });
    expect(cover.getAttribute('src')).toBe(COVER.url);
    const approve = screen.getByRole('button', { name: 'Save and ask for approval' });
    expect((approve as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Choose an account first.')).toBeTruthy();

    await userEvent.type(caption, '. Stream it tonight.');
    expect(document.getElementById(caption.getAttribute('aria-describedby')!)!.textContent).toContain('49 / 2,200 characters');
    expect(screen.getByRole('figure', { name: 'Instagram preview' }).querySelector('.ig-caption')!.textContent).toBe('youraccount Lowtide is out now. Stream it tonight.\n\n#newmusic');
    await screen.findByRole('option', { name: 'Luna Vega' });
    await userEvent.selectOptions(screen.getByLabelText('Instagram account'), 'acc-1');
    expect(screen.getByRole('figure', { name: 'Instagram preview' }).querySelector('.ig-head')!.textContent).toBe('lunavega');
    fireEvent.change(screen.getByLabelText('Publish at (Europe/London)'), { target: { value: '2026-12-12T18:00' } });
    expect(screen.getByText('Sat, 12 Dec 2026, 18:00 (Europe/London)')).toBeTruthy();
    await userEvent.click(approve);

    const link = await screen.findByRole('link', { name: 'See the request' });
    expect(link.getAttribute('href')).toBe('/approvals/appr-9');
    expect(screen.getByText(/Saved and sent for approval: it publishes only once another person approves it/)).toBeTruthy();
    const writes = calls.filter((call) => call.tool !== 'list_social_accounts').map((call) => [call.tool, call.input]);
    expect(writes).toEqual([
      ['get_post', { post_id: POST_ID }],
      ['update_post', { post_id: POST_ID, caption: 'Lowtide is out now. Stream it tonight.', social_account_id: 'acc-1' }],
      ['schedule_post', { post_id: POST_ID, scheduled_at: '2026-12-12T18:00', time_zone: 'Europe/London' }],
      ['get_post', { post_id: POST_ID }],
    ]);
    expect(screen.getByText(/waiting for approval/)).toBeTruthy();
  });

  it('blocks asking for approval while a limit is broken, saying which', async () => {
    serve({ get_post: [stored({ platform: 'tiktok', hashtags: ['one'], social_account_id: 'acc-1', scheduled_at: '2026-12-12T18:00:00.000Z' })], list_social_accounts: [{ accounts: [] }] });
    renderPage();
    await screen.findByLabelText('Caption');
    expect((screen.getByRole('button', { name: 'Save and ask for approval' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Over the limit: hashtags.')).toBeTruthy();
  });

  it('shows every post of an X thread in the editor and the preview, and saves only the part changed', async () => {
    const thread = ['Lowtide is out now 🌊', 'Written on a grey morning by the sea.', 'Listen: https://lnk.to/lowtide'];
    const calls = serve({
      get_post: [stored({ platform: 'x', content_type: 'thread', caption: thread[0], hashtags: [], thread })],
      update_post: [updated({ platform: 'x', content_type: 'thread', caption: thread[0], hashtags: [], content_version: 2 })],
      list_social_accounts: [{ accounts: [] }],
    });
    renderPage();
    const second = await screen.findByLabelText('Post 2 of 3');
    expect([1, 2, 3].map((n) => (screen.getByLabelText(`Post ${n} of 3`) as HTMLTextAreaElement).value)).toEqual(thread);
    const preview = screen.getByRole('list', { name: 'X thread of 3 posts' });
    expect(within(preview).getAllByRole('listitem').map((post) => post.querySelector('.x-text')!.textContent)).toEqual(thread);
    expect(within(preview).getByRole('img', { name: 'A wave at dusk' })).toBeTruthy();

    await userEvent.type(second, ' Stream it tonight.');
    expect(within(screen.getByRole('list', { name: 'X thread of 3 posts' })).getAllByRole('listitem')[1]!.textContent).toContain('Stream it tonight.');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Saved.');
    expect(calls.find((call) => call.tool === 'update_post')!.input).toEqual({ post_id: POST_ID, thread: [thread[0], `${thread[1]} Stream it tonight.`, thread[2]] });
  });

  it('shows a published post without letting it be edited', async () => {
    serve({
      get_post: [stored({ status: 'published', external_url: 'https://instagram.com/p/abc', scheduled_at: '2026-12-01T18:00:00.000Z', local_time: 'Tue, 1 Dec 2026, 18:00 (Europe/London)' })],
      list_social_accounts: [{ accounts: [] }],
    });
    renderPage();
    expect(await screen.findByText(/This post is published: it can no longer be edited\./)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See it on Instagram' }).getAttribute('href')).toBe('https://instagram.com/p/abc');
    expect((screen.getByLabelText('Caption') as HTMLTextAreaElement).closest('fieldset')!.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Cancel post' })).toBeNull();
  });
});
