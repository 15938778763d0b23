import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/api-error.ts';
import { calendarPost } from '../testing-posts.ts';
import { CalendarGrid } from './calendar-grid.tsx';
import type { CalendarPost } from './calendar-post.ts';
import { monthGridDays, shiftAnchor, viewRange, viewTitle } from './calendar-range.ts';
import { POST_DRAG_TYPE } from './post-chip.tsx';
import { useReschedule } from './use-reschedule.ts';
import { instantOf, zonedParts } from './zoned-time.ts';

const ZONE = 'Europe/London';
const posts = [
  calendarPost(),
  calendarPost({ post_id: 'post-2', platform: 'tiktok', content_type: 'video', caption: 'POV: the tide goes out', status: 'scheduled', scheduled_at: '2026-12-11T09:30:00.000Z' }),
  calendarPost({ post_id: 'post-3', platform: 'x', caption: 'Thread', status: 'published', scheduled_at: '2026-12-02T12:00:00.000Z', external_url: 'https://x.com/lunavega/status/1' }),
];

/** A fake drag: the data a chip puts on dragstart, read back on drop. */
function dataTransfer() {
  const data = new Map<string, string>();
  return { setData: (type: string, value: string) => data.set(type, value), getData: (type: string) => data.get(type) ?? '', get types() { return [...data.keys()]; }, effectAllowed: '', dropEffect: '' };
}

function drag(chip: HTMLElement, target: HTMLElement) {
  const transfer = dataTransfer();
  fireEvent.dragStart(chip, { dataTransfer: transfer });
  fireEvent.dragOver(target, { dataTransfer: transfer });
  fireEvent.drop(target, { dataTransfer: transfer });
}

describe('calendar ranges and times', () => {
  it('shows whole Monday-first weeks around a month and pages by month, week or day', () => {
    const days = monthGridDays('2026-12-15');
    expect([days[0], days.at(-1), days.length]).toEqual(['2026-11-30', '2027-01-03', 35]);
    expect(viewRange('week', '2026-12-11')).toEqual({ from: '2026-12-07', to: '2026-12-13' });
    expect(viewRange('list', '2026-12-11')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect([shiftAnchor('month', '2026-12-31', 1), shiftAnchor('week', '2026-12-31', 1), shiftAnchor('day', '2026-12-31', -1)]).toEqual(['2027-01-01', '2027-01-07', '2026-12-30']);
    expect([viewTitle('month', '2026-12-11'), viewTitle('week', '2026-12-11'), viewTitle('day', '2026-12-11')]).toEqual(['December 2026', '7 Dec – 13 Dec 2026', 'Friday, 11 December 2026']);
  });

  it("places times in the organisation's zone across a clock change", () => {
    expect(zonedParts('2026-07-01T17:00:00.000Z', ZONE)).toEqual({ day: '2026-07-01', hour: 18, minute: 0 });
    expect(instantOf('2026-07-01', 18, 0, ZONE)).toBe('2026-07-01T17:00:00.000Z');
    expect(instantOf('2026-12-01', 18, 0, ZONE)).toBe('2026-12-01T18:00:00.000Z');
    expect(instantOf('2026-12-12', 9, 15, 'America/New_York')).toBe('2026-12-12T14:15:00.000Z');
  });
});

describe('CalendarGrid', () => {
  it('puts each post on its day as a chip coloured and named by platform, linked to its editor', () => {
    render(<CalendarGrid view="month" anchor="2026-12-11" today="2026-12-06" timeZone={ZONE} posts={posts} onMove={vi.fn()} />);
    const friday = screen.getByRole('gridcell', { name: 'Friday 11 December, 2 posts' });
    const chips = within(friday).getAllByRole('link');
    expect(chips.map((chip) => chip.getAttribute('aria-label'))).toEqual([
      'TikTok video at 09:30, approved and scheduled: POV: the tide goes out',
      'Instagram post at 18:00, waiting for approval: Lowtide is out now',
    ]);
    expect(chips[1]!.getAttribute('href')).toBe('/content/posts/post-1');
    expect(chips[1]!.getAttribute('style')).toContain('--platform: #c13584');
    expect(chips[1]!.textContent).toBe('18:00IGLowtide is out now');
    // A published post stays where it is.
    const published = screen.getByRole('link', { name: /^X post at 12:00, published/ });
    expect(published.getAttribute('draggable')).toBe('false');
    expect(published.getAttribute('href')).toBe('https://x.com/lunavega/status/1');
    expect(published.getAttribute('target')).toBe('_blank');
    expect(chips[1]!.getAttribute('draggable')).toBe('true');
  });

  it('moves a dropped post to the day (keeping its time) or to the hour it is dropped on', () => {
    const onMove = vi.fn();
    const { rerender } = render(<CalendarGrid view="month" anchor="2026-12-11" today="2026-12-06" timeZone={ZONE} posts={posts} onMove={onMove} />);
    drag(screen.getByRole('link', { name: /^Instagram/ }), screen.getByRole('gridcell', { name: /^Tuesday 15 December/ }));
    expect(onMove).toHaveBeenLastCalledWith(posts[0], '2026-12-15T18:00:00.000Z');
    rerender(<CalendarGrid view="week" anchor="2026-12-11" today="2026-12-06" timeZone={ZONE} posts={posts} onMove={onMove} />);
    expect(within(screen.getByRole('gridcell', { name: 'Friday 11 December 09:00' })).getByRole('link').getAttribute('aria-label')).toMatch(/^TikTok/);
    drag(screen.getByRole('link', { name: /^TikTok/ }), screen.getByRole('gridcell', { name: 'Saturday 12 December 20:00' }));
    expect(onMove).toHaveBeenLastCalledWith(posts[1], '2026-12-12T20:30:00.000Z');
  });

  it('moves a focused post from the keyboard: Alt+arrows a day sideways, an hour up or down', async () => {
    const onMove = vi.fn();
    render(<CalendarGrid view="day" anchor="2026-12-11" today="2026-12-06" timeZone={ZONE} posts={posts} onMove={onMove} />);
    screen.getByRole('link', { name: /^Instagram/ }).focus();
    await userEvent.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(onMove).toHaveBeenLastCalledWith(posts[0], '2026-12-12T18:00:00.000Z');
    await userEvent.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(onMove).toHaveBeenLastCalledWith(posts[0], '2026-12-11T17:00:00.000Z');
    await userEvent.keyboard('{ArrowDown}');
    expect(onMove).toHaveBeenCalledTimes(2);
  });

  it('lists the month by day with platform, status and account', () => {
    render(<CalendarGrid view="list" anchor="2026-12-11" today="2026-12-06" timeZone={ZONE} posts={posts} />);
    const friday = screen.getByRole('region', { name: 'Friday 11 December' });
    expect(within(friday).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '09:30TikTokPOV: the tide goes outapproved and scheduledlunavega',
      '18:00InstagramLowtide is out nowwaiting for approvallunavega',
    ]);
  });
});

describe('rescheduling with the server', () => {
  function Harness({ save }: { save(post: CalendarPost, at: string): Promise<string> }) {
    const reschedule = useReschedule(save);
    return (
      <>
        {reschedule.notice ? <p role={reschedule.notice.tone === 'failed' ? 'alert' : 'status'}>{reschedule.notice.text}</p> : null}
        <CalendarGrid view="month" anchor="2026-12-11" today="2026-12-06" timeZone={ZONE} posts={reschedule.apply(posts)} saving={reschedule.saving} onMove={reschedule.move} />
      </>
    );
  }

  it("shows the post at its new day at once, then the server's answer", async () => {
    let answer!: (text: string) => void;
    render(<Harness save={() => new Promise((resolve) => { answer = resolve; })} />);
    drag(screen.getByRole('link', { name: /^Instagram/ }), screen.getByRole('gridcell', { name: /^Tuesday 15 December/ }));
    const moved = within(screen.getByRole('gridcell', { name: /^Tuesday 15 December/ })).getByRole('link');
    expect(moved.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('Moving the post…');
    await act(async () => answer('Moved to Tue, 15 Dec 2026, 18:00 (Europe/London).'));
    expect(screen.getByRole('status').textContent).toBe('Moved to Tue, 15 Dec 2026, 18:00 (Europe/London).');
    expect(moved.getAttribute('aria-busy')).toBeNull();
  });

  it("puts a refused move back and says the server's reason", async () => {
    render(<Harness save={async () => { throw new ApiError('conflict', 'This post is published; it cannot be moved.', 409); }} />);
    await act(async () => drag(screen.getByRole('link', { name: /^Instagram/ }), screen.getByRole('gridcell', { name: /^Tuesday 15 December/ })));
    expect(screen.getByRole('alert').textContent).toBe('The post was not moved: This post is published; it cannot be moved.');
    expect(within(screen.getByRole('gridcell', { name: /^Tuesday 15 December/ })).queryByRole('link')).toBeNull();
    expect(within(screen.getByRole('gridcell', { name: /^Friday 11 December/ })).getAllByRole('link')).toHaveLength(2);
  });
});
