import { describe, expect, it } from 'vitest';
import type { ToolOutput } from '../../../api/tool-types.ts';
import { contentChanges, draftFromPost } from './draft-conversions.ts';

function stored(overrides: Partial<ToolOutput<'get_post'>>): ToolOutput<'get_post'> {
  return {
    post_id: 'p-1', platform: 'x', account: 'Luna Vega', social_account_id: null, release_id: null, content_type: 'post', caption: '', hashtags: [],
    media_count: 0, link: null, scheduled_at: null, local_time: null, status: 'draft', content_version: 1, approved_version: null, approval_id: null,
    external_url: null, error: null, title: null, thread: [], media: [], board_id: null, privacy: null, time_zone: null, details: {}, ...overrides,
  };
}

describe('a stored post as the editor holds it', () => {
  it('keeps its title, thread and media (alt text when it has one)', () => {
    const draft = draftFromPost(stored({
      content_type: 'thread', caption: 'One', thread: ['One', 'Two'], title: null,
      media: [{ url: 'https://cdn.example/a.jpg', kind: 'image', alt_text: 'A wave' }, { url: 'https://cdn.example/b.mp4', kind: 'video', alt_text: null }],
    }));
    expect(draft).toMatchObject({ platform: 'x', contentType: 'thread', caption: 'One', thread: ['One', 'Two'], title: '', account: 'Luna Vega' });
    expect(draft.media).toEqual([{ url: 'https://cdn.example/a.jpg', kind: 'image', alt_text: 'A wave' }, { url: 'https://cdn.example/b.mp4', kind: 'video' }]);
    expect(draftFromPost(stored({ platform: 'youtube', title: 'Lowtide (video)' })).title).toBe('Lowtide (video)');
  });

  it('reads a thread saved without a caption from its first post', () => {
    expect(draftFromPost(stored({ content_type: 'thread', thread: ['One', 'Two'] })).caption).toBe('One');
  });
});

describe('the changes update_post is sent', () => {
  const thread = draftFromPost(stored({ content_type: 'thread', caption: 'One', thread: ['One', 'Two', 'Three'] }));

  it('sends nothing for an unchanged post, and only the thread when one later post changes', () => {
    expect(contentChanges(thread, thread)).toEqual({});
    expect(contentChanges(thread, { ...thread, thread: ['One', 'Two!', 'Three'] })).toEqual({ thread: ['One', 'Two!', 'Three'] });
  });

  it('turns a thread cut down to one post back into a single post', () => {
    expect(contentChanges(thread, { ...thread, contentType: 'post', caption: 'One', thread: [] })).toEqual({ thread: [], content_type: 'post' });
  });
});
