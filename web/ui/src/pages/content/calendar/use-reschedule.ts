import { useRef, useState } from 'react';
import { ApiError } from '../../../api/api-error.ts';
import type { CalendarPost } from './calendar-post.ts';

export interface MoveNotice {
  tone: 'saving' | 'done' | 'failed';
  text: string;
}

/**
 * Moves shown at once and then settled by the server: a moved post sits at its new time while
 * the move is saved; the server's answer is shown (its own words when it refuses) and a refused
 * move puts the post back where it was.
 */
export function useReschedule(save: (post: CalendarPost, scheduledAt: string) => Promise<string>) {
  const [moved, setMoved] = useState<ReadonlyMap<string, string>>(new Map());
  const [saving, setSaving] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<MoveNotice | null>(null);
  const latest = useRef(0);

  const setMove = (postId: string, at: string | null) => setMoved((current) => {
    const next = new Map(current);
    if (at) next.set(postId, at);
    else next.delete(postId);
    return next;
  });
  const setSavingPost = (postId: string, on: boolean) => setSaving((current) => {
    const next = new Set(current);
    if (on) next.add(postId);
    else next.delete(postId);
    return next;
  });

  async function move(post: CalendarPost, scheduledAt: string) {
    const ticket = ++latest.current;
    setMove(post.post_id, scheduledAt);
    setSavingPost(post.post_id, true);
    setNotice({ tone: 'saving', text: 'Moving the post…' });
    try {
      const answer = await save(post, scheduledAt);
      if (ticket === latest.current) setNotice({ tone: 'done', text: answer });
    } catch (error) {
      setMove(post.post_id, null);
      const reason = error instanceof ApiError ? error.message : String(error);
      if (ticket === latest.current) setNotice({ tone: 'failed', text: `The post was not moved: ${reason}` });
    } finally {
      setSavingPost(post.post_id, false);
    }
  }

  /** The posts with every move in flight or saved applied. */
  function apply(posts: readonly CalendarPost[]): CalendarPost[] {
    return posts.map((post) => {
      const at = moved.get(post.post_id);
      return at ? { ...post, scheduled_at: at } : post;
    });
  }

  return { move, apply, saving, notice, dismiss: () => setNotice(null) };
}
