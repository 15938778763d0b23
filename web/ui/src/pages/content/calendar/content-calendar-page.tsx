import type { CSSProperties } from 'react';
import type { ToolOutput } from '../../../api/tool-types.ts';
import { useTool } from '../../../api/use-tool.ts';
import { useMe } from '../../../auth/organization.tsx';
import { useApi } from '../../../auth/session.tsx';
import { dayInZone } from '../../../components/calendar-days.ts';
import { PageHeader } from '../../../components/layout-parts.tsx';
import { Segmented } from '../../../components/segmented.tsx';
import { Loaded } from '../../../components/states.tsx';
import { Link, navigate, useLocation } from '../../../router.tsx';
import { PLATFORM_COLOURS, PLATFORMS, platformLabel, isPlatform } from '../platforms.ts';
import { CALENDAR_VIEWS, shiftAnchor, viewRange, viewTitle, type CalendarView } from './calendar-range.ts';
import { CalendarGrid } from './calendar-grid.tsx';
import type { CalendarPost } from './calendar-post.ts';
import { useReschedule } from './use-reschedule.ts';
import { SocialAccounts } from '../accounts/social-accounts.tsx';
import '../content.css';

const VIEW_LABELS: Record<CalendarView, string> = { month: 'Month', week: 'Week', day: 'Day', list: 'List' };
// list_posts' largest page: a month of a busy label's posts fits in one.
const POSTS_SHOWN = 200;

/**
 * The content calendar: every post by its time in the organisation's zone, coloured by platform.
 * Dragging a post (or Alt+arrows) calls reschedule_post; the server's answer is shown, and a
 * refused move goes back. View, day and platform live in the URL so a view can be shared.
 */
export default function ContentCalendarPage() {
  const api = useApi();
  const me = useMe();
  const timeZone = me.organization.time_zone;
  const { query } = useLocation();
  const today = dayInZone(timeZone);
  const view = (CALENDAR_VIEWS as readonly string[]).includes(query.get('view') ?? '') ? (query.get('view') as CalendarView) : 'month';
  const anchor = /^\d{4}-\d{2}-\d{2}$/.test(query.get('date') ?? '') ? query.get('date')! : today;
  const platform = query.get('platform') ?? '';
  const range = viewRange(view, anchor);
  const posts = useTool('list_posts', { ...range, ...(isPlatform(platform) ? { platform } : {}), limit: POSTS_SHOWN });

  const reschedule = useReschedule(async (post: CalendarPost, scheduledAt: string) => {
    const result = await api.callTool('reschedule_post', { post_id: post.post_id, scheduled_at: scheduledAt });
    posts.reload();
    const where = `Moved to ${result.local_time ?? scheduledAt}.`;
    if (result.approval_kept) return `${where} It stays approved: only a change to what it says needs a new approval.`;
    if (result.status === 'pending_approval') return `${where} The approver decides it at its new time.`;
    return where;
  });

  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(query);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    navigate(`/content${next.size ? `?${next}` : ''}`, { replace: true });
  };

  return (
    <>
      <PageHeader
        title="Content calendar"
        subtitle={`Every post by its time (${timeZone}). Drag a post to move it; click it to edit.`}
        actions={<>
          <Link className="button" href="/forms/create_post">New post</Link>
          <Link className="button button-primary" href="/content/generate">Write posts with AI</Link>
        </>}
      />
      <SocialAccounts connected={query.get('connected')} />
      <div className="cal-toolbar">
        <div className="cal-nav">
          <button type="button" className="button" onClick={() => go({ date: shiftAnchor(view, anchor, -1) })} aria-label={`Previous ${view === 'list' ? 'month' : view}`}>‹</button>
          <button type="button" className="button" onClick={() => go({ date: null })}>Today</button>
          <button type="button" className="button" onClick={() => go({ date: shiftAnchor(view, anchor, 1) })} aria-label={`Next ${view === 'list' ? 'month' : view}`}>›</button>
          <h2 className="cal-title" aria-live="polite">{viewTitle(view, anchor)}</h2>
        </div>
        <div className="cal-controls">
          <label className="field field-inline">
            Platform
            <select value={isPlatform(platform) ? platform : ''} onChange={(event) => go({ platform: event.target.value || null })}>
              <option value="">All platforms</option>
              {PLATFORMS.map((name) => <option key={name} value={name}>{platformLabel(name)}</option>)}
            </select>
          </label>
          <Segmented label="View" options={CALENDAR_VIEWS.map((value) => ({ value, label: VIEW_LABELS[value] }))} value={view} onChange={(value) => go({ view: value === 'month' ? null : value })} />
        </div>
      </div>
      {reschedule.notice ? (
        <p className={`cal-notice notice-${reschedule.notice.tone}`} role={reschedule.notice.tone === 'failed' ? 'alert' : 'status'}>
          {reschedule.notice.text}
          {reschedule.notice.tone !== 'saving' ? <button type="button" className="button button-quiet" onClick={reschedule.dismiss} aria-label="Dismiss">×</button> : null}
        </p>
      ) : null}
      <section className="panel cal-panel" aria-label="Calendar">
        <Loaded result={posts} label="Loading the calendar">
          {(page) => (
            <>
              <CalendarGrid view={view} anchor={anchor} today={today} timeZone={timeZone} posts={reschedule.apply(page.posts)} saving={reschedule.saving} onMove={reschedule.move} />
              <CalendarFooter shown={page.posts.length} more={page.next_cursor !== null} />
              <UndatedDrafts posts={page.unscheduled_posts} total={page.unscheduled} />
            </>
          )}
        </Loaded>
      </section>
    </>
  );
}

/** Drafts without a time are on no day of the calendar: listed under it, each opening its editor to give it one. */
function UndatedDrafts({ posts, total }: { posts: ToolOutput<'list_posts'>['unscheduled_posts']; total: number }) {
  if (!posts.length) return null;
  return (
    <section className="cal-undated" aria-labelledby="cal-undated-title">
      <h2 id="cal-undated-title" className="cal-undated-title">Drafts without a time ({total > posts.length ? `newest ${posts.length} of ${total}` : total})</h2>
      <ul>
        {posts.map((post) => (
          <li key={post.post_id} style={{ '--platform': isPlatform(post.platform) ? PLATFORM_COLOURS[post.platform] : undefined } as CSSProperties}>
            <Link href={`/content/posts/${post.post_id}`}>
              <span className="cal-undated-platform">{isPlatform(post.platform) ? platformLabel(post.platform) : post.platform}</span>
              <span className="cal-undated-caption">{post.caption || '(no caption yet)'}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CalendarFooter({ shown, more }: { shown: number; more: boolean }) {
  return (
    <div className="cal-footer">
      <ul className="cal-legend" aria-label="Platform colours">
        {PLATFORMS.map((name) => <li key={name} style={{ '--platform': PLATFORM_COLOURS[name] } as CSSProperties}>{platformLabel(name)}</li>)}
      </ul>
      <p className="muted small">
        {more ? `Showing the first ${shown} posts of this period. ` : ''}
        Keyboard: focus a post, then Alt+←/→ moves it a day, Alt+↑/↓ an hour (a week in the month view).
      </p>
    </div>
  );
}
