import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { approval } from '../../testing/fixtures.ts';
import { ApprovalCard } from './approval-card.tsx';
import { postFromApproval } from './post-approval-preview.tsx';

const WHEN = 'Fri, 11 Dec 2026, 18:00 (Europe/London)';

/** A schedule_post request as post-approval.ts files it: its preview text and summary. */
function postApproval(platform: string, text: string, preview: string) {
  return approval({
    action: 'schedule_post',
    preview,
    summary: {
      headline: `Publish a post on ${platform} on ${WHEN}`, amount: null, campaign: null, songs: [{ title: 'Lowtide', artist: 'Luna Vega' }],
      evidence: [
        { label: 'Platform', value: platform }, { label: 'Account', value: 'Luna Vega' }, { label: 'When', value: WHEN }, { label: 'Text', value: text },
        { label: 'Image', value: 'https://cdn.example/lowtide.jpg' }, { label: 'Content version', value: '2' },
      ],
      warnings: [],
    },
  });
}

describe('post approvals in the inbox', () => {
  it('show the post as it will appear on Instagram, with its time, above the facts', () => {
    const request = postApproval('Instagram', 'Lowtide is out now\n\n#newmusic', `Publish on Instagram as Luna Vega (post), ${WHEN}:\n\nLowtide is out now\n\n#newmusic\n\nContent version 2.`);
    render(<ul><ApprovalCard approval={request} onDecide={vi.fn()} /></ul>);
    expect(screen.getByRole('heading', { name: `Publish a post on Instagram on ${WHEN}` })).toBeTruthy();
    const phone = screen.getByRole('figure', { name: 'Instagram preview' });
    expect(phone.querySelector('.ig-caption')!.textContent).toBe('lunavega Lowtide is out now\n\n#newmusic');
    expect(phone.querySelector('img')!.getAttribute('src')).toBe('https://cdn.example/lowtide.jpg');
    expect(document.querySelector('.preview-when')!.textContent).toBe(`Publishes ${WHEN}`);
    expect(document.querySelector('.approval-purpose')!.textContent).toBe('For “Lowtide” by Luna Vega');
    // The text is read in the preview; the facts keep where, when and which version.
    expect([...document.querySelectorAll('.approval-fact dt')].map((term) => term.textContent)).toEqual(['Platform', 'Account', 'When', 'Image', 'Content version']);
    expect(screen.getByRole('button', { name: 'Approve' })).toBeTruthy();
  });

  it('rebuild an X thread from the numbered preview, a part spanning lines included', () => {
    const preview = `Publish on X as Luna Vega (thread), ${WHEN}:\n\n1/3 Lowtide is out.\n2/3 Written at dawn\non the coast.\n3/3 Listen: https://lnk.to/lowtide\n\nImage: https://cdn.example/lowtide.jpg\nContent version 2.`;
    const post = postFromApproval(postApproval('X', 'ignored', preview));
    expect(post!.draft.thread).toEqual(['Lowtide is out.', 'Written at dawn\non the coast.', 'Listen: https://lnk.to/lowtide']);
    expect(post!.when).toBe(WHEN);
    expect(postFromApproval(approval())).toBeNull();
  });
});
