import { useEffect, useRef, type CSSProperties } from 'react';
import { addDays } from '../../../components/calendar-days.ts';
import { Link } from '../../../router.tsx';
import { platformColour, platformLabel } from '../platforms.ts';
import { dayLabel, dayShort, monthGridDays, weekDays, WEEKDAY_NAMES, type CalendarView } from './calendar-range.ts';
import { statusLabel, type CalendarPost } from './calendar-post.ts';
import { dropTarget } from './drop-target.ts';
import { PostChip, type KeyboardMove } from './post-chip.tsx';
import { clock, instantOf, zonedParts } from './zoned-time.ts';

export interface CalendarGridProps {
  view: CalendarView;
  anchor: string;
  today: string;
  timeZone: string;
  posts: readonly CalendarPost[];
  /** Posts whose move is being saved. */
  saving?: ReadonlySet<string>;
  /** A post dropped (or moved from the keyboard) to a new instant (ISO, UTC). */
  onMove?(post: CalendarPost, scheduledAt: string): void;
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** The posts of each day (and hour), in time order, placed in the organisation's time zone. */
function placed(posts: readonly CalendarPost[], timeZone: string) {
  const byDay = new Map<string, Array<{ post: CalendarPost; hour: number; minute: number }>>();
  for (const post of posts) {
    if (!post.scheduled_at) continue;
    const parts = zonedParts(post.scheduled_at, timeZone);
    const list = byDay.get(parts.day) ?? [];
    list.push({ post, hour: parts.hour, minute: parts.minute });
    byDay.set(parts.day, list);
  }
  for (const list of byDay.values()) list.sort((a, b) => a.hour - b.hour || a.minute - b.minute);
  return byDay;
}

/** Month, week, day or list: one component so a view switch keeps the posts and the moves in flight. */
export function CalendarGrid(props: CalendarGridProps) {
  const { view, posts, timeZone, onMove } = props;
  const byDay = placed(posts, timeZone);
  const byId = new Map(posts.map((post) => [post.post_id, post]));
  const timeGrid = useRef<HTMLDivElement>(null);
  // Hours scroll inside the grid: open on the working day (07:00) rather than at midnight.
  useEffect(() => {
    const grid = timeGrid.current;
    const morning = grid?.querySelector<HTMLElement>('.cal-time-row[data-hour="7"]');
    const head = grid?.querySelector<HTMLElement>('.cal-time-head');
    if (grid && morning) grid.scrollTop = morning.offsetTop - (head?.offsetHeight ?? 0);
  }, [view]);

  /** To `day` (and `hour`), keeping the rest of the post's time. */
  function moveTo(postId: string, day: string, hour?: number) {
    const post = byId.get(postId);
    if (!post?.scheduled_at || !onMove) return;
    const current = zonedParts(post.scheduled_at, timeZone);
    const target = instantOf(day, hour ?? current.hour, current.minute, timeZone);
    if (target !== new Date(post.scheduled_at).toISOString()) onMove(post, target);
  }

  function keyboardMove(post: CalendarPost, move: KeyboardMove) {
    const current = zonedParts(post.scheduled_at!, timeZone);
    if (move === 'earlier-day' || move === 'later-day') return moveTo(post.post_id, addDays(current.day, move === 'later-day' ? 1 : -1));
    const step = move === 'down' ? 1 : -1;
    // A month shows days, not hours: up and down move a week there.
    if (view === 'month') return moveTo(post.post_id, addDays(current.day, 7 * step));
    const hour = current.hour + step;
    if (hour < 0) return moveTo(post.post_id, addDays(current.day, -1), 23);
    if (hour > 23) return moveTo(post.post_id, addDays(current.day, 1), 0);
    return moveTo(post.post_id, current.day, hour);
  }

  const chip = (post: CalendarPost) => (
    <li key={post.post_id}>
      <PostChip post={post} timeZone={timeZone} saving={props.saving?.has(post.post_id)} onKeyboardMove={onMove ? keyboardMove : undefined} />
    </li>
  );

  if (view === 'list') return <ListView {...props} byDay={byDay} />;
  if (view === 'month') {
    const days = monthGridDays(props.anchor);
    const month = props.anchor.slice(0, 7);
    return (
      <div className="cal-month" role="grid" aria-label="Month">
        <div className="cal-row cal-weekdays" role="row">
          {WEEKDAY_NAMES.map((name) => <div key={name} role="columnheader" className="cal-weekday">{name}</div>)}
        </div>
        {Array.from({ length: days.length / 7 }, (_, week) => (
          <div key={week} className="cal-row" role="row">
            {days.slice(week * 7, week * 7 + 7).map((day) => {
              const items = byDay.get(day) ?? [];
              return (
                <div key={day} role="gridcell" aria-label={`${dayLabel(day)}, ${items.length === 1 ? '1 post' : `${items.length} posts`}`}
                  className={`cal-day ${day.slice(0, 7) === month ? '' : 'cal-outside'} ${day === props.today ? 'cal-today' : ''}`}
                  data-day={day} {...dropTarget((postId) => moveTo(postId, day))}>
                  <span className="cal-date" aria-hidden="true">{Number(day.slice(8))}</span>
                  {items.length ? <ul className="chip-list">{items.map((item) => chip(item.post))}</ul> : null}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    );
  }

  const days = view === 'week' ? weekDays(props.anchor) : [props.anchor];
  return (
    <div ref={timeGrid} className={`cal-time cal-time-${days.length}`} role="grid" aria-label={view === 'week' ? 'Week' : 'Day'}>
      <div className="cal-time-row cal-time-head" role="row">
        <div className="cal-hour" role="columnheader"><span className="sr-only">Hour</span></div>
        {days.map((day) => <div key={day} role="columnheader" className={`cal-time-day ${day === props.today ? 'cal-today' : ''}`}>{dayShort(day)}</div>)}
      </div>
      {HOURS.map((hour) => (
        <div key={hour} className="cal-time-row" role="row" data-hour={hour}>
          <div className="cal-hour" role="rowheader">{clock(hour, 0)}</div>
          {days.map((day) => {
            const items = (byDay.get(day) ?? []).filter((item) => item.hour === hour);
            return (
              <div key={day} role="gridcell" aria-label={`${dayLabel(day)} ${clock(hour, 0)}`} className="cal-slot" data-day={day} data-hour={hour}
                {...dropTarget((postId) => moveTo(postId, day, hour))}>
                {items.length ? <ul className="chip-list">{items.map((item) => chip(item.post))}</ul> : null}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}

/** Every post of the month by day, with status and account: the view to read, not to drag. */
function ListView({ byDay }: CalendarGridProps & { byDay: ReturnType<typeof placed> }) {
  const days = [...byDay.keys()].sort();
  if (!days.length) return <p className="muted cal-empty">No posts this month.</p>;
  return (
    <div className="cal-list">
      {days.map((day) => (
        <section key={day} aria-label={dayLabel(day)}>
          <h3 className="cal-list-day">{dayLabel(day)}</h3>
          <ul className="plain-list">
            {byDay.get(day)!.map(({ post, hour, minute }) => (
              <li key={post.post_id} className="cal-list-item" style={{ '--platform': platformColour(post.platform) } as CSSProperties} data-platform={post.platform}>
                <span className="cal-list-time">{clock(hour, minute)}</span>
                <span className="cal-list-platform">{platformLabel(post.platform)}</span>
                <Link href={`/content/posts/${post.post_id}`} className="cal-list-caption">{post.caption || '(no caption)'}</Link>
                <span className={`badge post-status status-${post.status}`}>{statusLabel(post.status)}</span>
                {post.account ? <span className="muted small">{post.account}</span> : null}
                {post.error ? <span className="field-error small">{post.error}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
