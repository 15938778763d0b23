import type { CalendarPost } from './calendar/calendar-post.ts';
import { emptyDraft, type PostDraft } from './post-draft.ts';
import type { Platform } from './platforms.ts';

/** A post as list_posts returns it. */
export function calendarPost(overrides: Partial<CalendarPost> = {}): CalendarPost {
  return {
    post_id: 'post-1', platform: 'instagram', account: 'lunavega', content_type: 'post', caption: 'Lowtide is out now',
    status: 'pending_approval', scheduled_at: '2026-12-11T18:00:00.000Z', local_time: 'Fri, 11 Dec 2026, 18:00 (Europe/London)',
    approval_id: null, external_url: null, error: null, ...overrides,
  };
}

export function draft(platform: Platform, overrides: Partial<PostDraft> = {}): PostDraft {
  return { ...emptyDraft(platform), account: 'Luna Vega', ...overrides };
}
