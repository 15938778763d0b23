import { todayIn, zonedInstant } from '../../common/format.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';

const DAY_MS = 86_400_000;

export interface DayBounds {
  start: Date;
  end: Date;
}

/** Today in the organisation's time zone, as the instants it starts and ends. */
export function localDayBounds(timeZone: string, now: Date): DayBounds {
  const day = todayIn(timeZone, now).getTime();
  return { start: zonedInstant(day, timeZone), end: zonedInstant(day + DAY_MS, timeZone) };
}

/**
 * The rule's reposts that use up today's allowance: drafted today, or scheduled for today (a
 * repost drafted yesterday for this afternoon counts too). Cancelled ones free their place.
 */
export async function repostsCountedToday(db: ToolDb, ruleId: string, today: DayBounds): Promise<number> {
  return db.scheduledPost.count({
    where: {
      repostRuleId: ruleId,
      status: { not: 'CANCELLED' },
      OR: [{ createdAt: { gte: today.start, lt: today.end } }, { scheduledAt: { gte: today.start, lt: today.end } }],
    },
  });
}
