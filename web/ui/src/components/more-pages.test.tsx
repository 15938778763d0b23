import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ToolOutput } from '../api/tool-types.ts';
import { SessionProvider } from '../auth/session.tsx';
import { MorePagesFooter, useMorePages } from './more-pages.tsx';

type Page = ToolOutput<'list_clients'>;
const page = (names: string[], next: string | null) => ({ as_of: '2026-11-05', currency: 'USD', rows: names.map((name) => ({ id: name, name })), next_cursor: next }) as unknown as Page;

function Names({ first }: { first: Page }) {
  const pages = useMorePages('list_clients', { limit: 1 }, first);
  return <><ul>{pages.rows.map((row) => <li key={row.id}>{row.name}</li>)}</ul><MorePagesFooter pages={pages} /></>;
}

afterEach(() => vi.unstubAllGlobals());

describe('useMorePages', () => {
  it('asks for the next page with the same input and the cursor, appends it, and stops offering more on the last page', async () => {
    const fetch = vi.fn(async () => Response.json(page(['Blue Label'], null)));
    vi.stubGlobal('fetch', fetch);
    render(<SessionProvider initialToken="t"><Names first={page(['Aurora'], 'c-2')} /></SessionProvider>);
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('Blue Label')).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Aurora', 'Blue Label']);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/tools/list_clients');
    expect(JSON.parse(init.body as string)).toEqual({ limit: 1, cursor: 'c-2' });
  });

  it('keeps the rows shown when a page fails, says why, and offers the page again', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Response.json({ error: { code: 'internal', message: 'Database unavailable' } }, { status: 500 })));
    render(<SessionProvider initialToken="t"><Names first={page(['Aurora'], 'c-2')} /></SessionProvider>);
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Database unavailable');
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Aurora']);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Show more' })).toBeTruthy();
  });
});
