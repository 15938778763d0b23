import type { AnchorHTMLAttributes, CSSProperties, DragEvent, KeyboardEvent } from 'react';
import { safeLinkHref } from '../../../components/safe-link.ts';
import { Link } from '../../../router.tsx';
import { platformColour, PLATFORM_SHORT, isPlatform } from '../platforms.ts';
import { chipLabel, isMovable, type CalendarPost } from './calendar-post.ts';
import { clock, zonedParts } from './zoned-time.ts';

export const POST_DRAG_TYPE = 'application/x-crescendo-post';
export type KeyboardMove = 'earlier-day' | 'later-day' | 'up' | 'down';

const MOVE_KEYS: Record<string, KeyboardMove> = { ArrowLeft: 'earlier-day', ArrowRight: 'later-day', ArrowUp: 'up', ArrowDown: 'down' };

/**
 * A post on the calendar: its time, platform and caption, coloured by platform with the platform
 * also named (colour is never the only cue). A link to its editor; a post that can still move is
 * dragged to another day or hour, or moved from the keyboard with Alt and the arrow keys.
 */
export function PostChip({ post, timeZone, saving, onKeyboardMove }: {
  post: CalendarPost;
  timeZone: string;
  saving?: boolean;
  onKeyboardMove?(post: CalendarPost, move: KeyboardMove): void;
}) {
  const movable = isMovable(post) && Boolean(onKeyboardMove);
  const time = post.scheduled_at ? zonedParts(post.scheduled_at, timeZone) : null;
  const colour = platformColour(post.platform);

  function dragStart(event: DragEvent<HTMLAnchorElement>) {
    event.dataTransfer.setData(POST_DRAG_TYPE, post.post_id);
    event.dataTransfer.effectAllowed = 'move';
  }

  function keyDown(event: KeyboardEvent<HTMLAnchorElement>) {
    const move = MOVE_KEYS[event.key];
    if (!movable || !event.altKey || !move) return;
    event.preventDefault();
    onKeyboardMove!(post, move);
  }

  // A published post can no longer be edited: it opens where it was published instead.
  const href = post.status === 'published' && post.external_url ? safeLinkHref(post.external_url) : null;
  const Anchor = href ? ExternalAnchor : Link;
  return (
    <Anchor
      href={href ?? `/content/posts/${post.post_id}`}
      className={`post-chip status-${post.status} ${saving ? 'chip-saving' : ''}`}
      style={{ '--platform': colour } as CSSProperties}
      data-platform={post.platform}
      aria-label={chipLabel(post, timeZone)}
      title={chipLabel(post, timeZone)}
      aria-keyshortcuts={movable ? 'Alt+ArrowLeft Alt+ArrowRight Alt+ArrowUp Alt+ArrowDown' : undefined}
      aria-busy={saving || undefined}
      draggable={movable}
      onDragStart={movable ? dragStart : undefined}
      onKeyDown={keyDown}
    >
      {time ? <span className="chip-time">{clock(time.hour, time.minute)}</span> : null}
      <span className="chip-platform">{isPlatform(post.platform) ? PLATFORM_SHORT[post.platform] : post.platform}</span>
      <span className="chip-text">{post.caption}</span>
    </Anchor>
  );
}

function ExternalAnchor(props: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a {...props} target="_blank" rel="noreferrer noopener" />;
}
