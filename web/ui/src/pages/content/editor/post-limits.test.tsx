import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { draft } from '../testing-posts.ts';
import type { PostDraft } from '../post-draft.ts';
import { LimitCounter } from './limit-counter.tsx';
import { PostFields } from './post-fields.tsx';
import { isOver, limitCounts } from './post-limits.ts';

describe('limit counters', () => {
  it("count Instagram's caption with its hashtags appended, just under and just over 2,200", () => {
    const tags = ['newmusic'];
    const under = 'a'.repeat(2200 - '\n\n#newmusic'.length);
    expect(limitCounts('instagram', draft('instagram', { caption: under, hashtags: tags }))[0]).toMatchObject({ used: 2200, max: 2200 });
    expect(isOver(limitCounts('instagram', draft('instagram', { caption: under, hashtags: tags }))[0]!)).toBe(false);
    expect(isOver(limitCounts('instagram', draft('instagram', { caption: `${under}a`, hashtags: tags }))[0]!)).toBe(true);
  });

  it('count each X post as X does (a link is 23) and TikTok hashtags against 3 to 5', () => {
    const text = `${'a'.repeat(256)} https://example.com/a/very/long/path/that/x/shortens`;
    expect(limitCounts('x', draft('x', { caption: text }))[0]).toMatchObject({ used: 280, max: 280, label: 'Post' });
    const thread = limitCounts('x', draft('x', { thread: ['one', `${text}!`] }));
    expect(thread.map((count) => [count.label, count.used, isOver(count)])).toEqual([['Post 1 of 2', 3, false], ['Post 2 of 2', 281, true]]);
    const tiktok = limitCounts('tiktok', draft('tiktok', { caption: 'POV #lowtide', hashtags: ['newmusic'] }))[1]!;
    expect([tiktok.used, isOver(tiktok)]).toEqual([2, true]);
  });

  it('say how far over or short a count is', () => {
    render(<LimitCounter count={{ field: 'caption', label: 'Caption with hashtags', used: 2201, max: 2200, unit: 'characters' }} />);
    expect(document.querySelector('.limit-counter')!.textContent).toBe('Caption with hashtags2,201 / 2,200 characters · 1 over: shorten it');
    render(<LimitCounter count={{ field: 'hashtags', label: 'Hashtags', used: 1, min: 3, max: 5, unit: 'hashtags' }} />);
    expect(document.querySelectorAll('.limit-counter')[1]!.textContent).toBe('Hashtags1 / 3–5 hashtags · add 2');
  });

  it('update as the post is typed, and mark the field over its limit', async () => {
    function Harness() {
      const [post, setPost] = useState<PostDraft>(draft('pinterest', { title: 'a'.repeat(98) }));
      return <PostFields draft={post} onChange={setPost} />;
    }
    render(<Harness />);
    const title = screen.getByLabelText('Title');
    expect(title.getAttribute('aria-invalid')).toBeNull();
    await userEvent.type(title, 'bcd');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(title.getAttribute('aria-describedby')!)!.textContent).toContain('101 / 100 characters · 1 over');
    await userEvent.type(screen.getByLabelText('Hashtags'), '#ocean blue');
    expect(screen.getByLabelText('Description').getAttribute('aria-describedby')).toBeTruthy();
  });
});
