import type { ToolOutput } from '../../../api/tool-types.ts';
import { platformLabel } from '../platforms.ts';
import { clock, zonedParts } from './zoned-time.ts';

/** A post as list_posts returns it: what the calendar places. */
export type CalendarPost = ToolOutput<'list_posts'>['posts'][number];

/** Statuses reschedule_post refuses: these posts stay where they are. */
const FIXED = new Set(['publishing', 'published', 'cancelled', 'failed']);

export function isMovable(post: CalendarPost): boolean {
  return post.scheduled_at !== null && !FIXED.has(post.status);
}

export const STATUS_LABELS: Record<string, string> = {
  draft: 'draft',
  pending_approval: 'waiting for approval',
  scheduled: 'approved and scheduled',
  publishing: 'publishing',
  published: 'published',
  failed: 'failed',
  cancelled: 'cancelled',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status.replaceAll('_', ' ');
}

/** "Instagram post at 18:00, waiting for approval: Lowtide is out now…" for a screen reader and the tooltip. */
export function chipLabel(post: CalendarPost, timeZone: string): string {
  const time = post.scheduled_at ? zonedParts(post.scheduled_at, timeZone) : null;
  const when = time ? ` at ${clock(time.hour, time.minute)}` : '';
  return `${platformLabel(post.platform)} ${post.content_type}${when}, ${statusLabel(post.status)}: ${post.caption || '(no caption)'}`;
}
