import { describe, expect, it } from 'vitest';
import { parseTaskWords, slackTaskDueAt } from './task-command.ts';

// Friday 2026-12-04 in the organisation's time zone.
const FRIDAY = new Date('2026-12-04T00:00:00Z');

describe('/crescendo task words', () => {
  it('takes a trailing due phrase off the title, relative to today', () => {
    expect(parseTaskWords('Send Acme the proposal due tomorrow', FRIDAY)).toEqual({ title: 'Send Acme the proposal', dueDay: '2026-12-05' });
    expect(parseTaskWords('Call Ana due today', FRIDAY)).toEqual({ title: 'Call Ana', dueDay: '2026-12-04' });
    expect(parseTaskWords('Chase the invoice due in 3 days', FRIDAY)).toEqual({ title: 'Chase the invoice', dueDay: '2026-12-07' });
    // A weekday is the next one after today: "due friday" on a Friday is a week later.
    expect(parseTaskWords('Book the studio due Friday', FRIDAY)).toEqual({ title: 'Book the studio', dueDay: '2026-12-11' });
    expect(parseTaskWords('Book the studio due monday', FRIDAY)).toEqual({ title: 'Book the studio', dueDay: '2026-12-07' });
    expect(parseTaskWords('Renew the contract due 2027-01-15', FRIDAY)).toEqual({ title: 'Renew the contract', dueDay: '2027-01-15' });
  });

  it('keeps everything else in the title', () => {
    expect(parseTaskWords('Ask what is due next week', FRIDAY)).toEqual({ title: 'Ask what is due next week', dueDay: null });
    expect(parseTaskWords('due tomorrow', FRIDAY)).toEqual({ title: 'due tomorrow', dueDay: null });
  });

  it('refuses a day the calendar does not have instead of rolling it into the next month', () => {
    expect(parseTaskWords('Renew the contract due 2027-02-30', FRIDAY)).toEqual({ title: 'Renew the contract due 2027-02-30', dueDay: null, notADay: '2027-02-30' });
    expect(parseTaskWords('Renew the contract due 2027-13-01', FRIDAY)).toMatchObject({ dueDay: null, notADay: '2027-13-01' });
    expect(parseTaskWords('Renew the contract due 2028-02-29', FRIDAY)).toEqual({ title: 'Renew the contract', dueDay: '2028-02-29' });
  });

  it('falls due at 17:00 on the local wall clock, on the days the clocks change too', () => {
    // Madrid: CEST (UTC+2) before 2026-10-25 03:00, CET (UTC+1) after; CET before 2027-03-28 02:00, CEST after.
    expect(slackTaskDueAt('2026-10-24', 'Europe/Madrid').toISOString()).toBe('2026-10-24T15:00:00.000Z');
    expect(slackTaskDueAt('2026-10-25', 'Europe/Madrid').toISOString()).toBe('2026-10-25T16:00:00.000Z');
    expect(slackTaskDueAt('2027-03-28', 'Europe/Madrid').toISOString()).toBe('2027-03-28T15:00:00.000Z');
    expect(slackTaskDueAt('2026-12-04', 'America/Los_Angeles').toISOString()).toBe('2026-12-05T01:00:00.000Z');
  });
});
