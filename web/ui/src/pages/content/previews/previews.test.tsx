import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { draft } from '../testing-posts.ts';
import { PostPreview } from './post-preview.tsx';

describe('platform previews', () => {
  it('shows an Instagram post on a phone: account, picture, caption with its hashtags, and its time', () => {
    render(<PostPreview when="Fri, 11 Dec 2026, 18:00 (Europe/London)" post={draft('instagram', {
      caption: 'Lowtide is out now', hashtags: ['newmusic', 'indie'], media: [{ url: '/cover.jpg', kind: 'image', alt_text: 'Cover: a wave at dusk' }],
    })} />);
    const phone = screen.getByRole('figure', { name: 'Instagram preview' });
    expect(within(phone).getByRole('img', { name: 'Cover: a wave at dusk' })).toBeTruthy();
    expect(phone.querySelector('.ig-caption')!.textContent).toBe('lunavega Lowtide is out now\n\n#newmusic #indie');
    expect([...phone.querySelectorAll('.rich-token')].map((token) => token.textContent)).toEqual(['#newmusic', '#indie']);
    expect(screen.getByText('Fri, 11 Dec 2026, 18:00 (Europe/London)')).toBeTruthy();
  });

  it('names a picture the browser cannot show instead of a broken image, and says when the platform needs one', () => {
    const { rerender } = render(<PostPreview post={draft('instagram', { media: [{ url: 'https://cdn.example/art/lowtide-cover.jpg', kind: 'image', alt_text: 'A wave' }] })} />);
    fireEvent.error(screen.getByRole('img', { name: 'A wave' }));
    expect(screen.getByRole('img', { name: 'Image: A wave' }).textContent).toContain('lowtide-cover.jpg');
    rerender(<PostPreview post={draft('tiktok', { caption: 'POV', hashtags: ['a', 'b', 'c'] })} />);
    const phone = screen.getByRole('figure', { name: 'TikTok preview' });
    expect(phone.textContent).toContain('No video yet: TikTok needs one');
    expect(phone.querySelector('.tt-overlay')!.textContent).toContain('@lunavega');
  });

  it('shows an X thread as numbered posts under the account', () => {
    render(<PostPreview post={draft('x', { caption: 'One', thread: ['One', 'Two https://lnk.to/lowtide', 'Three'] })} />);
    const thread = screen.getByRole('list', { name: 'X thread of 3 posts' });
    const posts = within(thread).getAllByRole('listitem');
    expect(posts.map((post) => post.querySelector('.x-text')!.textContent)).toEqual(['One', 'Two https://lnk.to/lowtide', 'Three']);
    expect(posts[1]!.querySelector('.x-who')!.textContent).toBe('Luna Vega @lunavega · 2/3');
  });

  it('shows a Facebook post as a Page card with its link preview, and other platforms with their title', () => {
    const { rerender } = render(<PostPreview post={draft('facebook', { caption: 'Out now.', link: 'https://www.lnk.to/lowtide' })} />);
    const card = screen.getByRole('article', { name: 'Facebook preview' });
    expect(card.querySelector('.fb-domain')!.textContent).toBe('LNK.TO');
    expect(card.querySelector('.fb-text')!.textContent).toBe('Out now.');
    rerender(<PostPreview post={draft('pinterest', { title: 'Lowtide moodboard', caption: 'Blue hour', hashtags: ['ocean'] })} />);
    const pin = screen.getByRole('article', { name: 'Pinterest preview' });
    expect(within(pin).getByRole('heading', { name: 'Lowtide moodboard' })).toBeTruthy();
    expect(pin.querySelector('.generic-text')!.textContent).toBe('Blue hour\n\n#ocean');
  });
});
