const DAY_MS = 86_400_000;

/** A calendar month fully inside the seeded period, as day indexes (inclusive). */
export interface SeedMonth {
  first: number;
  last: number;
  periodStart: Date;
  periodEnd: Date;
}

/**
 * The seeded period, in UTC days: from the first day of the month four months before `today`
 * through yesterday (today's numbers are not in yet). Day 0 is the period's first day.
 */
export class SeedCalendar {
  /** Today at 00:00 UTC; day index `days`. */
  readonly today: Date;
  /** The first seeded day, day index 0. */
  readonly start: Date;
  /** How many days have data: indexes 0 .. days - 1. */
  readonly days: number;

  constructor(today: Date) {
    this.today = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
    this.start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 4, 1));
    this.days = Math.round((this.today.getTime() - this.start.getTime()) / DAY_MS);
  }

  /** The date of a day index (UTC midnight); negative indexes are before the period. */
  date(index: number): Date {
    return new Date(this.start.getTime() + index * DAY_MS);
  }

  /** A moment `minutes` after the start of day `index`. */
  at(index: number, minutes: number): Date {
    return new Date(this.start.getTime() + index * DAY_MS + Math.round(minutes * 60_000));
  }

  /** 0 = Sunday ... 6 = Saturday. */
  weekday(index: number): number {
    return this.date(index).getUTCDay();
  }

  /** `YYYY-MM-DD` of a day index. */
  iso(index: number): string {
    return this.date(index).toISOString().slice(0, 10);
  }

  /** Day index of a moment (floored). */
  indexOf(moment: Date): number {
    return Math.floor((moment.getTime() - this.start.getTime()) / DAY_MS);
  }

  /** The calendar months whose every day has data. */
  completeMonths(): SeedMonth[] {
    const months: SeedMonth[] = [];
    for (let month = 0; ; month++) {
      const periodStart = new Date(Date.UTC(this.start.getUTCFullYear(), this.start.getUTCMonth() + month, 1));
      const periodEnd = new Date(Date.UTC(this.start.getUTCFullYear(), this.start.getUTCMonth() + month + 1, 0));
      const last = this.indexOf(periodEnd);
      if (last >= this.days) return months;
      months.push({ first: this.indexOf(periodStart), last, periodStart, periodEnd });
    }
  }
}
